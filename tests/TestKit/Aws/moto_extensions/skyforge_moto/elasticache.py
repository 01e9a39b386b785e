"""ElastiCache: replication-group lifecycle (creating/modifying -> available, deleting -> gone),
NumCacheClusters honoured, ModifyReplicationGroup, Increase/DecreaseReplicaCount, DeleteCacheSubnetGroup,
cache parameter groups, serverless caches (with final snapshots on delete), RBAC user groups
(creating -> active, deleting -> gone), and AddTagsToResource answering with the tag list."""

import random
import string
from typing import Any

from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import utcnow
from moto.elasticache.exceptions import CacheSubnetGroupNotFound, ReplicationGroupNotFound, UserNotFound
from moto.elasticache.models import ElastiCacheBackend
from moto.elasticache.responses import ElastiCacheResponse
from moto.utilities.utils import get_partition

from .lifecycle import due_at, is_due

_create_replication_group = ElastiCacheBackend.create_replication_group
_describe_replication_groups = ElastiCacheBackend.describe_replication_groups
_delete_replication_group = ElastiCacheBackend.delete_replication_group
_list_tags_for_resource = ElastiCacheBackend.list_tags_for_resource

_REPLICATION_GROUP_CHANGES = {
    "ReplicationGroupDescription": "description",
    "SnapshotRetentionLimit": "snapshot_retention_limit",
    "SnapshotWindow": "snapshot_window",
    "CacheNodeType": "cache_node_type",
    "EngineVersion": "engine_version",
    "Engine": "engine",
    "CacheParameterGroupName": "cache_parameter_group_name",
    "SecurityGroupIds": "security_group_ids",
    "PreferredMaintenanceWindow": "preferred_maintenance_window",
    "AutoMinorVersionUpgrade": "auto_minor_version_upgrade",
    "TransitEncryptionEnabled": "transit_encryption_enabled",
    "TransitEncryptionMode": "transit_encryption_mode",
    "IpDiscovery": "ip_discovery",
    "ClusterMode": "cluster_mode",
}


# The version a serverless cache of an engine and major version runs.
_FULL_ENGINE_VERSIONS = {("redis", "7"): "7.1", ("valkey", "7"): "7.2", ("valkey", "8"): "8.0", ("memcached", "1.6"): "1.6.22"}


class ServerlessCacheNotFound(ServiceException):
    code = "ServerlessCacheNotFoundFault"


class ServerlessCacheAlreadyExists(ServiceException):
    code = "ServerlessCacheAlreadyExistsFault"


class InvalidServerlessCacheState(ServiceException):
    code = "InvalidServerlessCacheStateFault"


class CacheParameterGroupNotFound(ServiceException):
    code = "CacheParameterGroupNotFound"


class CacheParameterGroupAlreadyExists(ServiceException):
    code = "CacheParameterGroupAlreadyExists"


class InvalidCacheParameterGroupState(ServiceException):
    code = "InvalidCacheParameterGroupState"


class CacheSubnetGroupInUse(ServiceException):
    code = "CacheSubnetGroupInUse"


class InvalidReplicationGroupState(ServiceException):
    code = "InvalidReplicationGroupState"


class InvalidParameterValue(ServiceException):
    code = "InvalidParameterValue"


class UserGroupNotFound(ServiceException):
    code = "UserGroupNotFound"


class UserGroupAlreadyExists(ServiceException):
    code = "UserGroupAlreadyExists"


class InvalidUserGroupState(ServiceException):
    code = "InvalidUserGroupState"


class DefaultUserRequired(ServiceException):
    code = "DefaultUserRequired"


class DuplicateUserName(ServiceException):
    code = "DuplicateUserName"


class ServerlessCacheSnapshotAlreadyExists(ServiceException):
    code = "ServerlessCacheSnapshotAlreadyExistsFault"


class ServerlessCacheSnapshotNotFound(ServiceException):
    code = "ServerlessCacheSnapshotNotFoundFault"


def _state(backend: ElastiCacheBackend) -> dict[str, Any]:
    """Extension state kept on the backend so that moto's reset clears it."""
    if not hasattr(backend, "skyforge"):
        backend.skyforge = {"due": {}, "parameter_groups": {}, "serverless": {}, "user_groups": {}, "serverless_snapshots": {}}
    return backend.skyforge


def _region_code(region: str) -> str:
    """us-east-1 -> use1, as ElastiCache spells the region in serverless endpoint host names."""
    parts = region.split("-")
    return parts[0] + "".join(part[0] for part in parts[1:-1]) + parts[-1]


def _arn(backend: ElastiCacheBackend, kind: str, name: str) -> str:
    return f"arn:{get_partition(backend.region_name)}:elasticache:{backend.region_name}:{backend.account_id}:{kind}:{name}"


def _settle(backend: ElastiCacheBackend) -> None:
    due = _state(backend)["due"]
    for key, deadline in list(due.items()):
        if not is_due(deadline):
            continue
        del due[key]
        kind, name = key
        if kind == "replicationgroup" and name in backend.replication_groups:
            group = backend.replication_groups[name]
            if group.status == "deleting":
                del backend.replication_groups[name]
            else:
                group.status = "available"
        state = _state(backend)
        serverless = state["serverless"]
        if kind == "serverlesscache" and name in serverless:
            if serverless[name]["Status"] == "deleting":
                group = state["user_groups"].get(serverless[name].get("UserGroupId") or "")
                if group is not None and name in group["ServerlessCaches"]:
                    group["ServerlessCaches"].remove(name)
                del serverless[name]
            else:
                serverless[name]["Status"] = "available"
        user_groups = state["user_groups"]
        if kind == "usergroup" and name in user_groups:
            if user_groups[name]["Status"] == "deleting":
                for user_id in user_groups[name]["UserIds"]:
                    user = backend.users.get(user_id)
                    if user is not None and name in user.user_group_ids:
                        user.user_group_ids.remove(name)
                del user_groups[name]
            else:
                user_groups[name]["Status"] = "active"
        snapshots = state["serverless_snapshots"]
        if kind == "serverlesssnapshot" and name in snapshots:
            snapshots[name]["Status"] = "available"


def _transition(backend: ElastiCacheBackend, kind: str, name: str) -> None:
    _state(backend)["due"][(kind, name)] = due_at()


def _replication_group(backend: ElastiCacheBackend, group_id: str) -> Any:
    _settle(backend)
    group = backend.replication_groups.get(group_id)
    if group is None:
        raise ReplicationGroupNotFound(group_id)
    return group


def _require_available(group: Any) -> None:
    if group.status != "available":
        raise InvalidReplicationGroupState(f"Replication group {group.replication_group_id} is not in available state.")


def _set_replicas(group: Any, replicas: int) -> None:
    """Rebuilds each node group's members as one primary plus `replicas` replicas."""
    group.member_clusters.clear()
    for node_group in group.node_groups:
        members = node_group["node_group_members"]
        primary = members[0]
        template = members[1] if len(members) > 1 else primary
        rebuilt = [primary]
        for index in range(2, replicas + 2):
            replica = dict(template)
            base = primary["cache_cluster_id"].rsplit("-", 1)[0]
            replica["cache_cluster_id"] = f"{base}-{index:0>3}"
            if "read_endpoint" in primary:
                domain = primary["read_endpoint"]["address"].split(".", 1)[1]
                replica["read_endpoint"] = {"address": f"{replica['cache_cluster_id']}.{domain}", "port": group.port}
                replica["current_role"] = "replica"
            replica["preferred_availability_zone"] = "us-east-1b"
            rebuilt.append(replica)
        node_group["node_group_members"] = rebuilt
        group.member_clusters.extend(member["cache_cluster_id"] for member in rebuilt)


def _replica_count(group: Any) -> int:
    return len(group.node_groups[0]["node_group_members"]) - 1


def create_replication_group(self: ElastiCacheBackend, **kwargs: Any) -> Any:
    group = _create_replication_group(self, **kwargs)
    clusters = kwargs.get("num_cache_clusters")
    if group.cluster_mode != "enabled" and clusters and not kwargs.get("replicas_per_node_group"):
        _set_replicas(group, int(clusters) - 1)
    for node_group in group.node_groups:
        # ElastiCache reports a reader endpoint for every cluster-mode-disabled group; moto keeps only its address.
        if "reader_endpoint_address" in node_group:
            node_group["reader_endpoint"] = {"address": node_group["reader_endpoint_address"], "port": group.port}
    group.status = "creating"
    _transition(self, "replicationgroup", group.replication_group_id)
    return group


def describe_replication_groups(self: ElastiCacheBackend, replication_group_id: str | None = None) -> list[Any]:
    _settle(self)
    return _describe_replication_groups(self, replication_group_id)


def delete_replication_group(self: ElastiCacheBackend, replication_group_id: str, retain_primary_cluster: bool | None) -> Any:
    _replication_group(self, replication_group_id)
    group = _delete_replication_group(self, replication_group_id, retain_primary_cluster)
    _transition(self, "replicationgroup", replication_group_id)
    return group


def list_tags_for_resource(self: ElastiCacheBackend, arn: str) -> dict[str, list[dict[str, str]]]:
    if ":serverlesscache:" in arn or ":parametergroup:" in arn or ":usergroup:" in arn:
        return self.tagging_service.list_tags_for_resource(arn)
    return _list_tags_for_resource(self, arn)


class Responses:
    """Handlers added to ElastiCacheResponse (moto dispatches Action=FooBar to method foo_bar)."""

    @staticmethod
    def add_tags_to_resource(self: ElastiCacheResponse) -> ActionResult:
        """Answers with the resource's tags afterwards, as ElastiCache does (moto answers empty)."""
        backend = self.elasticache_backend
        arn = self._get_param("ResourceName")
        backend.add_tags_to_resource(arn, self._get_param("Tags", []))
        return ActionResult({"TagList": backend.list_tags_for_resource(arn)["Tags"]})

    @staticmethod
    def modify_replication_group(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        params = self._get_params()
        group = _replication_group(backend, params["ReplicationGroupId"])
        _require_available(group)
        for member, attribute in _REPLICATION_GROUP_CHANGES.items():
            if member in params:
                setattr(group, attribute, params[member])
        if "AutomaticFailoverEnabled" in params:
            group.automatic_failover = "enabled" if self._get_bool_param("AutomaticFailoverEnabled") else "disabled"
        if "MultiAZEnabled" in params:
            group.multi_az = "enabled" if self._get_bool_param("MultiAZEnabled") else "disabled"
        if params.get("AuthToken"):
            group.auth_token_enabled = True
            group.auth_token_last_modified_date = utcnow()
        group.status = "modifying"
        _transition(backend, "replicationgroup", group.replication_group_id)
        return ActionResult({"ReplicationGroup": group})

    @staticmethod
    def increase_replica_count(self: ElastiCacheResponse) -> ActionResult:
        return Responses._change_replicas(self, increase=True)

    @staticmethod
    def decrease_replica_count(self: ElastiCacheResponse) -> ActionResult:
        return Responses._change_replicas(self, increase=False)

    @staticmethod
    def _change_replicas(self: ElastiCacheResponse, increase: bool) -> ActionResult:
        backend = self.elasticache_backend
        group = _replication_group(backend, self._get_param("ReplicationGroupId"))
        _require_available(group)
        shards = self._get_param("ReplicaConfiguration") or []
        target = self._get_int_param("NewReplicaCount")
        if target is None and shards:
            target = int(shards[0]["NewReplicaCount"])
        if target is None:
            raise InvalidParameterValue("NewReplicaCount or ReplicaConfiguration is required.")
        current = _replica_count(group)
        if (increase and target <= current) or (not increase and target >= current):
            raise InvalidParameterValue(
                f"The new replica count {target} must be {'greater' if increase else 'less'} than the current count {current}."
            )
        _set_replicas(group, target)
        group.status = "modifying"
        _transition(backend, "replicationgroup", group.replication_group_id)
        return ActionResult({"ReplicationGroup": group})

    @staticmethod
    def delete_cache_subnet_group(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        name = self._get_param("CacheSubnetGroupName")
        if name not in backend.cache_subnet_groups:
            raise CacheSubnetGroupNotFound(name)
        _settle(backend)
        if any(group.cache_subnet_group_name == name for group in backend.replication_groups.values()):
            raise CacheSubnetGroupInUse(f"Cache subnet group {name} is currently in use by a replication group.")
        del backend.cache_subnet_groups[name]
        return EmptyResult()

    @staticmethod
    def create_cache_parameter_group(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        groups = _state(backend)["parameter_groups"]
        name = self._get_param("CacheParameterGroupName")
        if name in groups:
            raise CacheParameterGroupAlreadyExists(f"Parameter group {name} already exists.")
        family = self._get_param("CacheParameterGroupFamily")
        if not family or not family.startswith(("redis", "valkey", "memcached")):
            raise InvalidParameterValue(f"Unknown cache parameter group family {family}.")
        group = {
            "CacheParameterGroupName": name,
            "CacheParameterGroupFamily": family,
            "Description": self._get_param("Description"),
            "IsGlobal": False,
            "ARN": _arn(backend, "parametergroup", name),
        }
        groups[name] = {"group": group, "parameters": {}}
        tags = self._get_param("Tags", [])
        if tags:
            backend.tagging_service.tag_resource(group["ARN"], tags)
        return ActionResult({"CacheParameterGroup": group})

    @staticmethod
    def modify_cache_parameter_group(self: ElastiCacheResponse) -> ActionResult:
        groups = _state(self.elasticache_backend)["parameter_groups"]
        name = self._get_param("CacheParameterGroupName")
        if name not in groups:
            raise CacheParameterGroupNotFound(f"CacheParameterGroup {name} not found.")
        for parameter in self._get_param("ParameterNameValues", []):
            groups[name]["parameters"][parameter["ParameterName"]] = parameter.get("ParameterValue")
        return ActionResult({"CacheParameterGroupName": name})

    @staticmethod
    def delete_cache_parameter_group(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        groups = _state(backend)["parameter_groups"]
        name = self._get_param("CacheParameterGroupName")
        if name not in groups:
            raise CacheParameterGroupNotFound(f"CacheParameterGroup {name} not found.")
        _settle(backend)
        if any(group.cache_parameter_group_name == name for group in backend.replication_groups.values()):
            raise InvalidCacheParameterGroupState(f"Parameter group {name} is in use.")
        del groups[name]
        return EmptyResult()

    @staticmethod
    def create_serverless_cache(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        _settle(backend)
        caches = _state(backend)["serverless"]
        name = self._get_param("ServerlessCacheName")
        if name in caches:
            raise ServerlessCacheAlreadyExists(f"Serverless cache {name} already exists.")
        engine = self._get_param("Engine")
        if engine not in ("redis", "valkey", "memcached"):
            raise InvalidParameterValue(f"Unknown engine {engine}.")
        major = self._get_param("MajorEngineVersion") or {"redis": "7", "valkey": "8", "memcached": "1.6"}[engine]
        user_group_id = self._get_param("UserGroupId")
        if user_group_id:
            group = Responses._user_group(backend, user_group_id)
            if group["Status"] != "active":
                raise InvalidUserGroupState(f"User group {user_group_id} is {group['Status']}.")
            group["ServerlessCaches"].append(name)
        suffix = "".join(random.choices(string.ascii_lowercase + string.digits, k=6))
        host = f"{name}-{suffix}.serverless.{_region_code(backend.region_name)}.cache.amazonaws.com"
        port = 11211 if engine == "memcached" else 6379
        cache = {
            "ServerlessCacheName": name,
            "Description": self._get_param("Description"),
            "CreateTime": utcnow(),
            "Status": "creating",
            "Engine": engine,
            "MajorEngineVersion": major,
            "FullEngineVersion": _FULL_ENGINE_VERSIONS.get((engine, major), f"{major}.0"),
            "CacheUsageLimits": self._get_param("CacheUsageLimits"),
            "KmsKeyId": self._get_param("KmsKeyId"),
            "SecurityGroupIds": self._get_param("SecurityGroupIds", []),
            "Endpoint": {"Address": host, "Port": port},
            "ReaderEndpoint": {"Address": host, "Port": port + 1},
            "ARN": _arn(backend, "serverlesscache", name),
            "UserGroupId": user_group_id,
            "SubnetIds": self._get_param("SubnetIds", []),
            "SnapshotRetentionLimit": self._get_int_param("SnapshotRetentionLimit"),
            "DailySnapshotTime": self._get_param("DailySnapshotTime"),
        }
        caches[name] = cache
        tags = self._get_param("Tags", [])
        if tags:
            backend.tagging_service.tag_resource(cache["ARN"], tags)
        _transition(backend, "serverlesscache", name)
        return ActionResult({"ServerlessCache": cache})

    @staticmethod
    def describe_serverless_caches(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        _settle(backend)
        caches = _state(backend)["serverless"]
        name = self._get_param("ServerlessCacheName")
        if name:
            if name not in caches:
                raise ServerlessCacheNotFound(f"Serverless cache {name} not found.")
            return ActionResult({"ServerlessCaches": [caches[name]]})
        start = int(self._get_param("NextToken") or 0)
        size = self._get_int_param("MaxResults") or 50
        listed = list(caches.values())
        result: dict[str, Any] = {"ServerlessCaches": listed[start : start + size]}
        if start + size < len(listed):
            result["NextToken"] = str(start + size)
        return ActionResult(result)

    @staticmethod
    def modify_serverless_cache(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        cache = Responses._serverless_cache(self)
        if cache["Status"] != "available":
            raise InvalidServerlessCacheState(f"Serverless cache {cache['ServerlessCacheName']} is {cache['Status']}.")
        params = self._get_params()
        for member in ("Description", "CacheUsageLimits", "UserGroupId", "SecurityGroupIds", "SnapshotRetentionLimit",
                       "DailySnapshotTime", "Engine", "MajorEngineVersion"):
            if member in params:
                cache[member] = params[member]
        if self._get_bool_param("RemoveUserGroup"):
            cache["UserGroupId"] = None
        cache["Status"] = "modifying"
        _transition(backend, "serverlesscache", cache["ServerlessCacheName"])
        return ActionResult({"ServerlessCache": cache})

    @staticmethod
    def delete_serverless_cache(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        cache = Responses._serverless_cache(self)
        if cache["Status"] not in ("available", "create-failed"):
            raise InvalidServerlessCacheState(f"Serverless cache {cache['ServerlessCacheName']} is {cache['Status']}.")
        snapshot_name = self._get_param("FinalSnapshotName")
        if snapshot_name:
            snapshots = _state(backend)["serverless_snapshots"]
            if snapshot_name in snapshots:
                raise ServerlessCacheSnapshotAlreadyExists(f"Serverless cache snapshot {snapshot_name} already exists.")
            snapshots[snapshot_name] = {
                "ServerlessCacheSnapshotName": snapshot_name,
                "ARN": _arn(backend, "serverlesscachesnapshot", snapshot_name),
                "SnapshotType": "manual",
                "Status": "creating",
                "CreateTime": utcnow(),
                "ServerlessCacheConfiguration": {
                    "ServerlessCacheName": cache["ServerlessCacheName"],
                    "Engine": cache["Engine"],
                    "MajorEngineVersion": cache["MajorEngineVersion"],
                },
            }
            _transition(backend, "serverlesssnapshot", snapshot_name)
        cache["Status"] = "deleting"
        _transition(backend, "serverlesscache", cache["ServerlessCacheName"])
        return ActionResult({"ServerlessCache": cache})

    @staticmethod
    def describe_serverless_cache_snapshots(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        _settle(backend)
        snapshots = list(_state(backend)["serverless_snapshots"].values())
        snapshot_name = self._get_param("ServerlessCacheSnapshotName")
        cache_name = self._get_param("ServerlessCacheName")
        if snapshot_name:
            snapshots = [snapshot for snapshot in snapshots if snapshot["ServerlessCacheSnapshotName"] == snapshot_name]
            if not snapshots:
                raise ServerlessCacheSnapshotNotFound(f"Serverless cache snapshot {snapshot_name} not found.")
        if cache_name:
            snapshots = [snapshot for snapshot in snapshots if snapshot["ServerlessCacheConfiguration"]["ServerlessCacheName"] == cache_name]
        start = int(self._get_param("NextToken") or 0)
        size = self._get_int_param("MaxResults") or 50
        result: dict[str, Any] = {"ServerlessCacheSnapshots": snapshots[start : start + size]}
        if start + size < len(snapshots):
            result["NextToken"] = str(start + size)
        return ActionResult(result)

    @staticmethod
    def create_user_group(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        _settle(backend)
        groups = _state(backend)["user_groups"]
        group_id = self._get_param("UserGroupId")
        if group_id in groups:
            raise UserGroupAlreadyExists(f"User group {group_id} already exists.")
        engine = (self._get_param("Engine") or "").lower()
        if engine not in ("redis", "valkey"):
            raise InvalidParameterValue(f"Unknown engine {engine}.")
        user_ids = self._get_param("UserIds", [])
        users = []
        for user_id in user_ids:
            user = backend.users.get(user_id)
            if user is None or user.status == "deleting":
                raise UserNotFound(user_id)
            users.append(user)
        names = [user.name for user in users]
        if "default" not in names:
            raise DefaultUserRequired("A user group needs a user named default.")
        if len(set(names)) != len(names):
            raise DuplicateUserName("Two users in the group have the same user name.")
        group = {
            "UserGroupId": group_id,
            "Status": "creating",
            "Engine": engine,
            "UserIds": list(user_ids),
            "MinimumEngineVersion": "6.0",
            "ReplicationGroups": [],
            "ServerlessCaches": [],
            "ARN": _arn(backend, "usergroup", group_id),
        }
        groups[group_id] = group
        for user in users:
            user.user_group_ids.append(group_id)
        tags = self._get_param("Tags", [])
        if tags:
            backend.tagging_service.tag_resource(group["ARN"], tags)
        _transition(backend, "usergroup", group_id)
        return ActionResult(group)

    @staticmethod
    def describe_user_groups(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        _settle(backend)
        group_id = self._get_param("UserGroupId")
        if group_id:
            return ActionResult({"UserGroups": [Responses._user_group(backend, group_id)]})
        listed = list(_state(backend)["user_groups"].values())
        start = int(self._get_param("Marker") or 0)
        size = self._get_int_param("MaxRecords") or 100
        result: dict[str, Any] = {"UserGroups": listed[start : start + size]}
        if start + size < len(listed):
            result["Marker"] = str(start + size)
        return ActionResult(result)

    @staticmethod
    def delete_user_group(self: ElastiCacheResponse) -> ActionResult:
        backend = self.elasticache_backend
        group = Responses._user_group(backend, self._get_param("UserGroupId"))
        if group["Status"] != "active":
            raise InvalidUserGroupState(f"User group {group['UserGroupId']} is {group['Status']}.")
        if group["ServerlessCaches"] or group["ReplicationGroups"]:
            raise InvalidUserGroupState(f"User group {group['UserGroupId']} is still associated with a cache.")
        group["Status"] = "deleting"
        _transition(backend, "usergroup", group["UserGroupId"])
        return ActionResult(group)

    @staticmethod
    def _user_group(backend: ElastiCacheBackend, group_id: str) -> dict[str, Any]:
        _settle(backend)
        groups = _state(backend)["user_groups"]
        if group_id not in groups:
            raise UserGroupNotFound(f"User group {group_id} not found.")
        return groups[group_id]

    @staticmethod
    def _serverless_cache(self: ElastiCacheResponse) -> dict[str, Any]:
        backend = self.elasticache_backend
        _settle(backend)
        caches = _state(backend)["serverless"]
        name = self._get_param("ServerlessCacheName")
        if name not in caches:
            raise ServerlessCacheNotFound(f"Serverless cache {name} not found.")
        return caches[name]


def install() -> None:
    ElastiCacheBackend.create_replication_group = create_replication_group
    ElastiCacheBackend.describe_replication_groups = describe_replication_groups
    ElastiCacheBackend.delete_replication_group = delete_replication_group
    ElastiCacheBackend.list_tags_for_resource = list_tags_for_resource
    for name in (
        "add_tags_to_resource",
        "modify_replication_group",
        "increase_replica_count",
        "decrease_replica_count",
        "delete_cache_subnet_group",
        "create_cache_parameter_group",
        "modify_cache_parameter_group",
        "delete_cache_parameter_group",
        "create_serverless_cache",
        "describe_serverless_caches",
        "modify_serverless_cache",
        "delete_serverless_cache",
        "describe_serverless_cache_snapshots",
        "create_user_group",
        "describe_user_groups",
        "delete_user_group",
    ):
        setattr(ElastiCacheResponse, name, getattr(Responses, name))

"""MSK: lifecycle (CREATING -> ACTIVE, UPDATING -> ACTIVE, DELETING -> gone), NotFoundException for
unknown clusters, ListClustersV2 filters and paging, GetBootstrapBrokers (provisioned listeners, and the one IAM
endpoint of a serverless cluster) and the UpdateBroker* operations."""

import json
import random
import string
from typing import Any
from urllib.parse import unquote

from moto.core.exceptions import JsonRESTError
from moto.kafka import urls
from moto.kafka.exceptions import BadRequestException
from moto.kafka.models import KafkaBackend
from moto.kafka.responses import KafkaResponse

from .lifecycle import due_at, is_due

_describe_cluster_v2 = KafkaBackend.describe_cluster_v2
_create_cluster_v2 = KafkaBackend.create_cluster_v2


def _new_version() -> str:
    return "K" + "".join(random.choices(string.ascii_uppercase + string.digits, k=13))


def _settle(backend: KafkaBackend) -> None:
    for arn, cluster in list(backend.clusters.items()):
        if not is_due(getattr(cluster, "skyforge_due", None)):
            continue
        if cluster.state == "DELETING":
            del backend.clusters[arn]
            continue
        cluster.state = "ACTIVE"
        cluster.skyforge_due = None


def _cluster(backend: KafkaBackend, cluster_arn: str) -> Any:
    _settle(backend)
    cluster = backend.clusters.get(cluster_arn)
    if cluster is None:
        raise NotFoundException(f"Cluster {cluster_arn} not found.")
    return cluster


def _start(cluster: Any, state: str) -> None:
    cluster.state = state
    cluster.skyforge_due = due_at()


def _begin_update(backend: KafkaBackend, cluster_arn: str, current_version: str) -> Any:
    cluster = _cluster(backend, cluster_arn)
    if cluster.state != "ACTIVE":
        raise BadRequestException(f"The cluster is in state {cluster.state}; operations need ACTIVE.")
    if current_version != cluster.current_version:
        raise BadRequestException(
            f"The request does not have the current version {cluster.current_version} of the cluster."
        )
    cluster.current_version = _new_version()
    _start(cluster, "UPDATING")
    return cluster


def create_cluster_v2(self: KafkaBackend, cluster_name: str, tags: Any, provisioned: Any, serverless: Any) -> Any:
    _settle(self)
    if any(cluster.cluster_name == cluster_name for cluster in self.clusters.values()):
        raise ConflictException(f"A cluster named {cluster_name} already exists.")
    result = _create_cluster_v2(self, cluster_name, tags, provisioned, serverless)
    cluster = self.clusters[result[0]]
    cluster.current_version = _new_version()
    if provisioned:
        cluster.client_authentication = provisioned.get("clientAuthentication")
        cluster.encryption_info = provisioned.get("encryptionInfo")
        cluster.configuration_info = provisioned.get("configurationInfo")
    _start(cluster, "CREATING")
    return result


def describe_cluster_v2(self: KafkaBackend, cluster_arn: str) -> dict[str, Any]:
    _cluster(self, cluster_arn)
    return _describe_cluster_v2(self, cluster_arn)


def list_clusters_v2(
    self: KafkaBackend, cluster_name_filter: Any, cluster_type_filter: Any, max_results: Any, next_token: Any
) -> tuple[list[dict[str, Any]], str | None]:
    _settle(self)
    clusters = [
        cluster
        for cluster in self.clusters.values()
        if (not cluster_name_filter or cluster.cluster_name.startswith(cluster_name_filter))
        and (not cluster_type_filter or cluster.cluster_type == cluster_type_filter)
    ]
    start = int(next_token) if next_token else 0
    size = int(max_results) if max_results else 10
    page = clusters[start : start + size]
    following = str(start + size) if start + size < len(clusters) else None
    return [_describe_cluster_v2(self, cluster.arn) for cluster in page], following


def delete_cluster(self: KafkaBackend, cluster_arn: str, current_version: str | None) -> tuple[str, str]:
    cluster = _cluster(self, cluster_arn)
    if current_version and current_version != cluster.current_version:
        raise BadRequestException(
            f"The request does not have the current version {cluster.current_version} of the cluster."
        )
    _start(cluster, "DELETING")
    return cluster.arn, cluster.state


def get_bootstrap_brokers(self: KafkaBackend, cluster_arn: str) -> dict[str, str]:
    cluster = _cluster(self, cluster_arn)
    if cluster.state == "CREATING":
        raise ConflictException("Bootstrap brokers are not available while the cluster is CREATING.")
    if cluster.cluster_type == "SERVERLESS":
        # MSK Serverless has one IAM-authenticated bootstrap endpoint in front of all its brokers.
        sasl = ((cluster.serverless_config or {}).get("clientAuthentication") or {}).get("sasl") or {}
        if not (sasl.get("iam") or {}).get("enabled"):
            return {}
        host = f"boot-{cluster.cluster_id[:8]}.c1.kafka-serverless.{cluster.region_name}.amazonaws.com"
        return {"bootstrapBrokerStringSaslIam": f"{host}:9098"}
    count = cluster.number_of_broker_nodes or 1
    hosts = [f"b-{index}.{cluster.cluster_name}.{cluster.cluster_id[:6]}.c2.kafka.{cluster.region_name}.amazonaws.com" for index in range(1, count + 1)]

    def listener(port: int) -> str:
        return ",".join(f"{host}:{port}" for host in hosts)

    authentication = cluster.client_authentication or {}
    sasl = authentication.get("sasl") or {}
    in_transit = (cluster.encryption_info or {}).get("encryptionInTransit") or {}
    client_broker = in_transit.get("clientBroker", "TLS")
    brokers: dict[str, str] = {}
    if client_broker in ("PLAINTEXT", "TLS_PLAINTEXT"):
        brokers["bootstrapBrokerString"] = listener(9092)
    if client_broker in ("TLS", "TLS_PLAINTEXT"):
        brokers["bootstrapBrokerStringTls"] = listener(9094)
    if (sasl.get("scram") or {}).get("enabled"):
        brokers["bootstrapBrokerStringSaslScram"] = listener(9096)
    if (sasl.get("iam") or {}).get("enabled"):
        brokers["bootstrapBrokerStringSaslIam"] = listener(9098)
    return brokers


def update_broker_count(self: KafkaBackend, cluster_arn: str, current_version: str, target: int) -> Any:
    cluster = _begin_update(self, cluster_arn, current_version)
    cluster.number_of_broker_nodes = int(target)
    return cluster


def update_broker_storage(self: KafkaBackend, cluster_arn: str, current_version: str, volumes: list[dict[str, Any]]) -> Any:
    cluster = _begin_update(self, cluster_arn, current_version)
    info = cluster.broker_node_group_info or {}
    ebs = info.setdefault("storageInfo", {}).setdefault("ebsStorageInfo", {})
    for volume in volumes:
        if "volumeSizeGB" in volume:
            ebs["volumeSize"] = int(volume["volumeSizeGB"])
        if "provisionedThroughput" in volume:
            ebs["provisionedThroughput"] = volume["provisionedThroughput"]
    cluster.broker_node_group_info = info
    return cluster


def update_broker_type(self: KafkaBackend, cluster_arn: str, current_version: str, instance_type: str) -> Any:
    cluster = _begin_update(self, cluster_arn, current_version)
    info = cluster.broker_node_group_info or {}
    info["instanceType"] = instance_type
    cluster.broker_node_group_info = info
    return cluster


class ConflictException(JsonRESTError):
    code = 409

    def __init__(self, message: str):
        super().__init__("ConflictException", message)


class NotFoundException(JsonRESTError):
    code = 404

    def __init__(self, message: str):
        super().__init__("NotFoundException", message)


def _cluster_arn_from_path(response: KafkaResponse, suffix: str) -> str:
    path = response.parsed_url.path
    return unquote(path.split("/clusters/", 1)[1].removesuffix(suffix))


def _operation_result(cluster: Any) -> str:
    operation = f"arn:aws:kafka:{cluster.region_name}:{cluster.account_id}:cluster-operation/{cluster.cluster_name}/{cluster.cluster_id}/{_new_version().lower()}"
    return json.dumps({"clusterArn": cluster.arn, "clusterOperationArn": operation})


def response_get_bootstrap_brokers(self: KafkaResponse) -> str:
    arn = _cluster_arn_from_path(self, "/bootstrap-brokers")
    return json.dumps(self.kafka_backend.get_bootstrap_brokers(arn))


def response_update_broker_count(self: KafkaResponse) -> str:
    arn = _cluster_arn_from_path(self, "/nodes/count")
    cluster = self.kafka_backend.update_broker_count(
        arn, self._get_param("currentVersion"), self._get_param("targetNumberOfBrokerNodes")
    )
    return _operation_result(cluster)


def response_update_broker_storage(self: KafkaResponse) -> str:
    arn = _cluster_arn_from_path(self, "/nodes/storage")
    cluster = self.kafka_backend.update_broker_storage(
        arn, self._get_param("currentVersion"), self._get_param("targetBrokerEBSVolumeInfo") or []
    )
    return _operation_result(cluster)


def response_update_broker_type(self: KafkaResponse) -> str:
    arn = _cluster_arn_from_path(self, "/nodes/type")
    cluster = self.kafka_backend.update_broker_type(
        arn, self._get_param("currentVersion"), self._get_param("targetInstanceType")
    )
    return _operation_result(cluster)


def install() -> None:
    KafkaBackend.create_cluster_v2 = create_cluster_v2
    KafkaBackend.describe_cluster_v2 = describe_cluster_v2
    KafkaBackend.list_clusters_v2 = list_clusters_v2
    KafkaBackend.delete_cluster = delete_cluster
    KafkaBackend.get_bootstrap_brokers = get_bootstrap_brokers
    KafkaBackend.update_broker_count = update_broker_count
    KafkaBackend.update_broker_storage = update_broker_storage
    KafkaBackend.update_broker_type = update_broker_type
    KafkaResponse.get_bootstrap_brokers = response_get_bootstrap_brokers
    KafkaResponse.update_broker_count = response_update_broker_count
    KafkaResponse.update_broker_storage = response_update_broker_storage
    KafkaResponse.update_broker_type = response_update_broker_type
    urls.url_paths.setdefault("{0}/v1/clusters/(?P<clusterArn>.+)/bootstrap-brokers$", KafkaResponse.dispatch)
    urls.url_paths.setdefault("{0}/v1/clusters/(?P<clusterArn>.+)/nodes/(?P<what>count|storage|type)$", KafkaResponse.dispatch)

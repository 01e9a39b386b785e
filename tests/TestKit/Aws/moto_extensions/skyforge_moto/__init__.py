"""Test-only additions to moto 5.2 for Skyforge's AWS tests.

moto 5.2 lacks operations Skyforge calls (MSK GetBootstrapBrokers and UpdateBroker*, ElastiCache
Modify/Increase/DecreaseReplicaCount, cache parameter groups, serverless caches and their final snapshots,
user groups, DeleteCacheSubnetGroup),
refuses RDS windows that only touch and has no way to give a subnet a chosen id,
keeps MSK clusters CREATING forever and never finishes deletions. install() registers the missing
operations into moto's response classes and backends, and gives resources a time-based lifecycle
(SKYFORGE_MOTO_TRANSITION_SECONDS, default 1): CREATING/UPDATING/modifying become ACTIVE/available,
deleting resources disappear. All state lives on moto's backends, so /moto-api/reset clears it.
"""


def install() -> None:
    from . import ec2, elasticache, kafka, rds

    ec2.install()
    rds.install()
    kafka.install()
    elasticache.install()

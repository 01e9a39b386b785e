"""Subnets with chosen ids, so that manifests naming real-looking subnet ids can be applied to moto as they are.

moto draws subnet ids at random and checks every subnet id RDS is given against its EC2 model. A CreateSubnet
call tagged ``skyforge:subnet-id=<id>`` gets exactly that id instead.
"""

from moto.ec2.models import subnets

ID_TAG = "skyforge:subnet-id"


def _requested_id(tags):
    for value in (tags or {}).values():
        if isinstance(value, dict) and ID_TAG in value:
            return value[ID_TAG]
    return None


def install() -> None:
    original_create = subnets.SubnetBackend.create_subnet
    original_random_id = subnets.random_subnet_id
    pending = []

    def random_subnet_id():
        return pending.pop() if pending else original_random_id()

    def create_subnet(self, vpc_id, cidr_block, *args, **kwargs):
        requested = _requested_id(kwargs.get("tags"))
        if requested:
            pending.append(requested)
        try:
            return original_create(self, vpc_id, cidr_block, *args, **kwargs)
        finally:
            pending.clear()

    subnets.random_subnet_id = random_subnet_id
    subnets.SubnetBackend.create_subnet = create_subnet

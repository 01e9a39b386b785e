"""Run moto's server with Skyforge's additions: python3 -m skyforge_moto -p PORT."""

import sys

from . import install


def main() -> None:
    install()
    from moto.server import main as moto_main

    moto_main(sys.argv[1:])


if __name__ == "__main__":
    main()

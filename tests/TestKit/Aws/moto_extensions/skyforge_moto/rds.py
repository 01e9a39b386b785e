"""RDS window checks as the service applies them.

moto 5.2 refuses a backup window that merely touches the maintenance window (03:00-04:00 with mon:04:00-mon:05:00)
as overlapping; RDS accepts windows that share only a boundary. Only a real overlap is refused here.
"""

from moto.rds import models, utils

OVERLAP = "The backup window and maintenance window must not overlap."


def _inner(backup_window: str) -> str:
    """The backup window without its first and last minute, so that windows sharing a boundary no longer meet."""
    start, end = backup_window.split("-")

    def shift(clock: str, minutes: int) -> str:
        hours, mins = (int(part) for part in clock.split(":"))
        total = (hours * 60 + mins + minutes) % (24 * 60)
        return f"{total // 60:02d}:{total % 60:02d}"

    return f"{shift(start, 1)}-{shift(end, -1)}"


def install() -> None:
    original = utils.valid_preferred_maintenance_window

    def valid_preferred_maintenance_window(maintenance_window, backup_window):
        message = original(maintenance_window, backup_window)
        if message == OVERLAP and backup_window:
            return original(maintenance_window, _inner(backup_window))
        return message

    utils.valid_preferred_maintenance_window = valid_preferred_maintenance_window
    models.valid_preferred_maintenance_window = valid_preferred_maintenance_window

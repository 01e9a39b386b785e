"""Time-based state transitions shared by the extensions."""

import os
import time


def transition_seconds() -> float:
    return float(os.environ.get("SKYFORGE_MOTO_TRANSITION_SECONDS", "1"))


def due_at() -> float:
    """When a transition that starts now completes."""
    return time.monotonic() + transition_seconds()


def is_due(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() >= deadline

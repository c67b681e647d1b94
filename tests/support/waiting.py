"""Waiting in tests on a condition, never for a while: as fast as the machine allows, and no flakier."""

from __future__ import annotations

import time


def wait_for(condition, timeout: float, what: str):
    """Poll ``condition()`` until it returns something true, and return that; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")

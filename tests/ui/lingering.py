"""A background job whose process goes on for a while after it has answered, as an export's does while it
frees a large document (tests/ui/test_finish_responsive.py). Importable by the job's child process."""

from __future__ import annotations

import threading
import time

from ot62443_desktop.exports.progress import Hooks


def linger(seconds: float, hooks: Hooks) -> str:
    """Answer at once; the process ends only after `seconds` (a thread that is not a daemon keeps it)."""
    threading.Thread(target=time.sleep, args=(seconds,)).start()
    return "done"


def until_cancelled(limit: float, hooks: Hooks) -> str:
    """Work until Cancel is pressed (an export that checks its hooks), or give up after `limit` seconds."""
    from ot62443_desktop.exports.progress import ExportCancelled

    end = time.monotonic() + limit
    while time.monotonic() < end:
        if hooks.cancelled():
            raise ExportCancelled()
        time.sleep(0.01)
    return "not cancelled"

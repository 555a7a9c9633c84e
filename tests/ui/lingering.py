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

"""SIGTERM and SIGHUP stop a command the way Ctrl+C does: its clean-up runs (worker processes
ended, temporary files removed, what was finished kept) instead of dying mid-step."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextmanager
def stop_signals(handler: Callable[[int, FrameType | None], None] = _interrupt) -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP call `handler` (default: raise KeyboardInterrupt).
    Only the main thread can have signal handlers; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, handler) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)

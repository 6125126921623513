"""SIGTERM and SIGHUP stop a command the way Ctrl+C does: its clean-up runs (worker processes
ended, temporary files removed, what was finished kept) instead of dying mid-step.

A long run (sync, import) is asked first: the first stop sets its cancel and it ends within
a second, saying what it kept; a second stop ends it at once."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
STOPPED = 130  # the exit status of a command stopped (128 + SIGINT, as shells report Ctrl+C)


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


@contextmanager
def stop_asks_first(cancel: threading.Event) -> Iterator[None]:
    """While inside, the first Ctrl+C, SIGTERM or SIGHUP sets `cancel` (the run stops cleanly,
    keeping what it finished); a second raises KeyboardInterrupt. Main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()

    previous = signal.signal(signal.SIGINT, stop)
    try:
        with stop_signals(stop):
            yield
    finally:
        signal.signal(signal.SIGINT, previous)

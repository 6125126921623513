"""Extraction worker processes that never outlive the process that started them.

A worker blocked on its task queue after its parent died (kill -9, SIGTERM, a crash) would
stay for good, holding memory and the parent's stdout (a script reading our output would
hang). Each worker asks the kernel for SIGKILL when its parent dies (PR_SET_PDEATHSIG, Linux)
and, wherever that is missing or does not apply, watches its parent's pid twice a second.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1
_POLL = 0.5
_WAIT = 0.1  # seconds: how often a wait for a worker's answer looks at the cancel

T = TypeVar("T")


def watch_parent(parent: int) -> None:
    """ProcessPoolExecutor initializer: end this worker when `parent` ends. Ctrl+C is the
    parent's to handle (it ends the workers), so a worker does not print a traceback for it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _death_signal()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while True:
            threading.Event().wait(_POLL)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="memberdesk-parent-watch", daemon=True).start()


def _death_signal() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the watching thread does it


def ready_to_spawn() -> None:
    """Start multiprocessing's resource tracker (which spawned workers need) with a real file
    for its stderr. It passes sys.stderr's descriptor to its process, and under Textual
    sys.stderr is a capture whose fileno() is -1: the start would fail ("bad value(s) in
    fds_to_keep") and no import in the app could use workers. Its rare warnings go nowhere."""
    from multiprocessing import resource_tracker

    try:
        if sys.stderr is not None and sys.stderr.fileno() >= 0:
            resource_tracker.ensure_running()
            return
    except (AttributeError, OSError, ValueError):
        pass
    captured = sys.stderr
    with open(os.devnull, "w") as nowhere:
        sys.stderr = nowhere
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = captured


def kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers now (Ctrl+C, SIGTERM): the pages they hold are not wanted."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):
            pass


def result_unless_cancelled(future: Future[T], cancel: threading.Event, stopped: type[Exception]) -> T:
    """A worker's answer, waited for in short slices: `stopped` is raised within moments of
    `cancel` being set, though a worker's task can take seconds."""
    while True:
        if cancel.is_set():
            raise stopped
        try:
            return future.result(timeout=_WAIT)
        except FutureTimeout:
            continue


def page_chunks(count: int, workers: int) -> Iterator[tuple[int, int]]:
    """A paper's pages shared out as (start, stop): a one-page first chunk puts page one on
    screen quickly; then even chunks for the cores."""
    yield 0, 1
    size = max(4, min(32, (count - 1) // (workers * 4) or 1))
    for start in range(1, count, size):
        yield start, min(count, start + size)

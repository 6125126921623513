"""Every read from a council is watched: a stop, an overall deadline and a minimum rate.

A socket read waits up to the read timeout, and a server that drips one byte every few
seconds never trips it; a thread blocked in such a read cannot see a Ctrl+C either. So the
HTTP client's network streams are wrapped: each read waits in short slices (POLL seconds),
and between slices, and after each chunk, the thread's current Watch is asked whether the
caller has stopped, the deadline has passed, or the answer is coming too slowly. Any of
these raises Interrupted out of httpx, and http.py turns it into a retry or an error.

Connecting is watched the same way: a server that accepts nothing (a full backlog, an
address that swallows packets) would hold socket.create_connection for the whole connect
timeout, so the TCP connect is made non-blocking and waited for in the same slices.
"""

from __future__ import annotations

import errno
import os
import selectors
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpcore
from httpcore._backends.sync import SyncStream  # the stream httpcore's own connect returns

POLL = 0.2  # seconds: how soon a stop is noticed while a read waits


class Interrupted(Exception):
    """A read was cut short. kind: "cancelled", "deadline" or "too_slow"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Watch:
    """What one request is held to. `deadline` is a time.monotonic() moment (None: none);
    `min_rate` bytes a second, measured over each `window` seconds once bytes flow."""

    cancel: threading.Event | None = None
    deadline: float | None = None
    min_rate: float = 0.0
    window: float = 10.0
    _window_start: float = field(default=0.0, init=False)
    _window_bytes: int = field(default=0, init=False)

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Interrupted("cancelled", "stopped")
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise Interrupted("deadline", "took too long")

    def arrived(self, count: int) -> None:
        now = time.monotonic()
        if not self._window_start:
            self._window_start = now
        self._window_bytes += count
        spent = now - self._window_start
        if spent >= self.window:
            if self.min_rate and self._window_bytes / spent < self.min_rate:
                raise Interrupted("too_slow", f"came too slowly ({self._window_bytes} bytes in {spent:.0f} seconds)")
            self._window_start, self._window_bytes = now, 0

    def waited(self) -> None:
        """A slice passed with nothing: a drip that stops entirely counts as too slow too."""
        if self._window_start and self.min_rate:
            spent = time.monotonic() - self._window_start
            if spent >= self.window and self._window_bytes / spent < self.min_rate:
                raise Interrupted("too_slow", f"came too slowly ({self._window_bytes} bytes in {spent:.0f} seconds)")

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())


_local = threading.local()


def current() -> Watch | None:
    return getattr(_local, "watch", None)


@contextmanager
def watching(watch: Watch) -> Iterator[Watch]:
    """Hold this thread's network reads to `watch` while inside."""
    previous = current()
    _local.watch = watch
    try:
        yield watch
    finally:
        _local.watch = previous


class WatchedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        watch = current()
        if watch is None:
            return self._inner.read(max_bytes, timeout)
        waited = 0.0
        while True:
            watch.check()
            part = POLL
            if timeout is not None:
                part = min(part, max(0.001, timeout - waited))
            left = watch.remaining()
            if left is not None:
                part = min(part, max(0.001, left))
            try:
                data = self._inner.read(max_bytes, part)
            except httpcore.ReadTimeout:
                waited += part
                if timeout is not None and waited >= timeout:
                    raise
                watch.waited()
                continue
            watch.arrived(len(data))
            return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        watch = current()
        if watch is not None:
            watch.check()
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return WatchedStream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class WatchedBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        watch = current()
        if watch is None or not isinstance(self._inner, httpcore.SyncBackend):
            return WatchedStream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))
        watch.check()
        try:
            sock = _connect(host, port, timeout, local_address, watch)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as httpcore's connect does
        except OSError as exc:
            sock.close()
            raise httpcore.ConnectError(str(exc)) from exc
        return WatchedStream(SyncStream(sock))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return WatchedStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _connect(host: str, port: int, timeout: float | None, local_address: str | None, watch: Watch) -> socket.socket:
    """socket.create_connection, but waiting in POLL slices, so that a stop or the request's
    deadline is seen within moments even while a SYN goes unanswered. Each address the name
    gives is tried in turn within the one timeout; the first error is raised if none answers."""
    limit = None if timeout is None else time.monotonic() + timeout
    first_error: OSError | None = None
    for family, kind, proto, _, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        sock = socket.socket(family, kind, proto)
        try:
            if local_address is not None:
                sock.bind((local_address, 0))
            sock.setblocking(False)
            code = sock.connect_ex(address)
            if code in (errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN):
                code = _wait_connected(sock, limit, watch)
            if code:
                raise OSError(code, os.strerror(code))
            sock.settimeout(timeout)  # blocking again, as httpcore expects of its sockets
            return sock
        except TimeoutError:
            sock.close()
            raise
        except OSError as exc:
            sock.close()
            first_error = first_error or exc
        except BaseException:  # Interrupted: a stop or the deadline
            sock.close()
            raise
    raise first_error or OSError(f"no address found for {host}")


def _wait_connected(sock: socket.socket, limit: float | None, watch: Watch) -> int:
    """Wait for a non-blocking connect to finish; its error code (0: connected)."""
    with selectors.DefaultSelector() as selector:
        selector.register(sock, selectors.EVENT_WRITE)
        while True:
            watch.check()
            part = POLL
            left = watch.remaining()
            if left is not None:
                part = min(part, max(0.001, left))
            if limit is not None:
                if time.monotonic() >= limit:
                    raise TimeoutError("timed out")
                part = min(part, max(0.001, limit - time.monotonic()))
            if selector.select(part):
                return sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)


def watch_client(pools: list[Any]) -> int:
    """Wrap the network backend of each httpcore pool given (an httpx client's transports'
    `_pool`); how many were wrapped. httpx has no public way to pass a backend."""
    wrapped = 0
    for pool in pools:
        backend = getattr(pool, "_network_backend", None)
        if backend is not None and not isinstance(backend, WatchedBackend):
            pool._network_backend = WatchedBackend(backend)
            wrapped += 1
    return wrapped


class Budget:
    """One request's overall deadline: `limit` seconds from its first slot, for every try."""

    def __init__(self, limit: float) -> None:
        self.limit = limit
        self._deadline: float | None = None

    def start(self) -> float:
        if self._deadline is None:
            self._deadline = time.monotonic() + self.limit
        return self._deadline

    def left(self) -> float:
        return float("inf") if self._deadline is None else self._deadline - time.monotonic()

"""Fixtures for integration tests: a real fixture council on 127.0.0.1 and a polite
HTTP client with small timeouts and backoffs, so faults cost milliseconds, not minutes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from council_data import default_council
from council_server import CouncilServer
from memberdesk.sources.http import HttpClient


@pytest.fixture
def council_server() -> Iterator[CouncilServer]:
    """The default fixture council, web service mode; tests switch .mode and add faults."""
    with CouncilServer(default_council()) as server:
        yield server


@pytest.fixture
def http() -> Iterator[HttpClient]:
    with HttpClient(
        connect_timeout=2.0, read_timeout=2.0, retries=2, backoff=0.01, max_backoff=0.05, max_retry_after=0.2
    ) as client:
        yield client

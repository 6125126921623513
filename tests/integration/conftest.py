"""Fixtures for integration tests: a real fixture council on 127.0.0.1 and a polite
HTTP client with small timeouts and backoffs, so faults cost milliseconds, not minutes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # council_data / council_pages / council_server

from council_data import default_council  # noqa: E402
from council_server import CouncilServer  # noqa: E402

from memberdesk.sources.http import HttpClient  # noqa: E402


@pytest.fixture
def council_server() -> Iterator[CouncilServer]:
    """The default fixture council, web service mode; tests switch .mode and add faults."""
    with CouncilServer(default_council()) as server:
        yield server


@pytest.fixture
def http() -> Iterator[HttpClient]:
    with HttpClient(connect_timeout=2.0, read_timeout=2.0, retries=2, backoff=0.01,
                    max_backoff=0.05, max_retry_after=0.2) as client:
        yield client

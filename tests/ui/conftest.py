from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk.importer import Importer
from memberdesk.library import Library


@pytest.fixture
def demo_home(home: Path, demo_pdf: Path) -> Path:
    """A library holding the demo pack as document 1."""
    with Library(home) as library, Importer(library) as importer:
        assert importer.import_file(demo_pdf).document_id == 1
    return home

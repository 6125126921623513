"""A paper's bytes: hashed, and copied into the library so that no half file is ever there.

The copy is written under a name carrying this process's pid (files.owned_prefix) and renamed
into place once complete and fsynced: a killed import leaves only a temporary file that the
next command sweeps once its owner is dead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from memberdesk.files import owned_prefix
from memberdesk.library import COPY_PREFIX, COPY_SUFFIX


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_atomically(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        return
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=owned_prefix(COPY_PREFIX), suffix=COPY_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

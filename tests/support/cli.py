"""Running the real `memberdesk` entry point in a child process, as a person would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def memberdesk(
    *args: str | Path,
    home: Path | None = None,
    stdin: str | None = None,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> Run:
    extra = env or {}
    env = {**os.environ, **extra}
    if home is not None:
        env["MEMBERDESK_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    done = subprocess.run(
        [sys.executable, "-m", "memberdesk", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=timeout,
    )
    return Run(done.returncode, done.stdout, done.stderr)

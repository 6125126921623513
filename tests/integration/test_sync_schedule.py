"""memberdesk sync --schedule: the systemd user timer and service written in a temporary home
(no real systemd: systemctl is kept off PATH), the cron line said, the service's command run
for real against the fixture council, and off removing both units."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
import sys
from pathlib import Path

from cli import memberdesk
from council_server import CouncilServer
from memberdesk.library import Library
from sync_support import follow


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "HOME": str(tmp_path / "user"),
        "XDG_CONFIG_HOME": str(tmp_path / "user" / ".config"),
        "PATH": os.path.dirname(sys.executable),  # no systemctl, no crontab: nothing real is touched
    }


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text())
    return parser


def test_schedule_writes_units_says_cron_and_off_removes_them(
    council_server: CouncilServer, home: Path, tmp_path: Path
) -> None:
    with Library(home) as library:
        follow(library, council_server)
    env = _env(tmp_path)
    folder = tmp_path / "user" / ".config" / "systemd" / "user"
    run = memberdesk("sync", "--schedule", "daily", home=home, env=env)
    assert run.code == 0, run.err
    service, timer = folder / "memberdesk-sync.service", folder / "memberdesk-sync.timer"
    assert service.is_file() and timer.is_file()
    timer_unit = _unit(timer)
    assert timer_unit["Timer"]["OnCalendar"] == "*-*-* 07:00:00" and timer_unit["Timer"]["Persistent"] == "true"
    assert timer_unit["Install"]["WantedBy"] == "timers.target"
    command = _unit(service)["Service"]["ExecStart"]
    assert shlex.split(command) == [sys.executable, "-m", "memberdesk", "--library", str(home), "sync"]
    lines = run.out.splitlines()
    assert (
        lines[0]
        == f"Wrote a systemd timer for every day at about 7 in the morning in {folder}, but systemd is not running here."
    )
    assert lines[2] == f"0 7 * * * {command} >/dev/null 2>&1"

    # What the timer would run syncs this library, and the app then says when it ran.
    done = subprocess.run(
        shlex.split(command),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Synced 6 meetings; papers: 17 new")
    with Library(home) as library:
        last = library.sync_runs.last()
        assert last is not None and last.new == 17

    hourly = memberdesk("sync", "--schedule", "hourly", home=home, env=env)
    assert hourly.code == 0 and _unit(timer)["Timer"]["OnCalendar"] == "hourly"
    assert hourly.out.splitlines()[2].startswith("0 * * * * ")

    off = memberdesk("sync", "--schedule", "off", home=home, env=env)
    assert off.code == 0 and not service.exists() and not timer.exists()
    assert off.out.startswith("Sync no longer runs on its own: removed ")
    again = memberdesk("sync", "--schedule", "off", home=home, env=env)
    assert again.code == 0 and again.out.startswith("Sync was not scheduled")


def test_schedule_is_given_alone_and_needs_a_council(home: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    alone = memberdesk("sync", "--schedule", "daily", "--recheck", home=home, env=env)
    assert alone.code == 2 and "give it alone" in alone.err
    nothing = memberdesk("sync", "--schedule", "daily", home=home, env=env)
    assert nothing.code == 1 and "council add URL" in nothing.err
    assert not (tmp_path / "user" / ".config" / "systemd").exists()
    wrong = memberdesk("sync", "--schedule", "weekly", home=home, env=env)
    assert wrong.code == 2 and "invalid choice" in wrong.err

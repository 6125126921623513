"""Sync on its own: a systemd user timer and service (`memberdesk sync --schedule daily|hourly`),
removed with `off`; where systemd does not run, the crontab line that does the same.

The units are written under $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user); when a
user systemd answers, they are enabled with `systemctl --user`. The service runs the same
memberdesk, on the same library folder, as the command that wrote it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from memberdesk.files import write_atomically

UNIT = "memberdesk-sync"
CHOICES = ("daily", "hourly", "off")
# systemd calendar events, and cron's for the same times; a random delay spreads the
# requests of many councillors over the hour, so the council's site is never hit at once.
_ON_CALENDAR = {"daily": "*-*-* 07:00:00", "hourly": "hourly"}
_CRON = {"daily": "0 7 * * *", "hourly": "0 * * * *"}


@dataclass
class ScheduleResult:
    lines: list[str] = field(default_factory=list)  # what to say, in order
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    enabled: bool = False  # systemd took it (or, for off, let it go)


def unit_dir(env: dict[str, str] | None = None) -> Path:
    env = dict(os.environ if env is None else env)
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "systemd" / "user"


def sync_command(home: Path) -> list[str]:
    """The command the timer runs: this Python's memberdesk, on this library."""
    return [sys.executable, "-m", "memberdesk", "--library", str(home), "sync"]


def service_text(home: Path) -> str:
    command = " ".join(shlex.quote(part) for part in sync_command(home))
    return (
        "[Unit]\n"
        "Description=memberdesk: fetch the followed committees' meetings and papers\n"
        "After=network-online.target\n"
        "Wants=network-online.target\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={command}\n"
        "Nice=10\n"
    )


def timer_text(every: str) -> str:
    return (
        "[Unit]\n"
        f"Description=memberdesk: sync {every}\n\n"
        "[Timer]\n"
        f"OnCalendar={_ON_CALENDAR[every]}\n"
        "RandomizedDelaySec=15min\n"
        "Persistent=true\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def cron_line(home: Path, every: str) -> str:
    command = " ".join(shlex.quote(part) for part in sync_command(home))
    return f"{_CRON[every]} {command} >/dev/null 2>&1"


def _systemctl(*args: str) -> bool:
    """Run `systemctl --user ...`; False when there is no user systemd to ask."""
    program = shutil.which("systemctl")
    if program is None:
        return False
    try:
        done = subprocess.run([program, "--user", *args], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def systemd_running() -> bool:
    return _systemctl("show-environment")


def schedule(home: Path, every: str, env: dict[str, str] | None = None) -> ScheduleResult:
    """Install (daily, hourly) or remove (off) the timer; say what was done and how to check."""
    if every not in CHOICES:
        raise ValueError(f"--schedule is one of {', '.join(CHOICES)}, not {every!r}")
    folder = unit_dir(env)
    service, timer = folder / f"{UNIT}.service", folder / f"{UNIT}.timer"
    result = ScheduleResult()
    running = systemd_running()
    if every == "off":
        if running:
            result.enabled = _systemctl("disable", "--now", f"{UNIT}.timer")
        for path in (timer, service):
            if path.exists():
                path.unlink()
                result.removed.append(path)
        if running:
            _systemctl("daemon-reload")
        if result.removed:
            result.lines.append(f"Sync no longer runs on its own: removed {', '.join(str(p) for p in result.removed)}.")
        else:
            result.lines.append("Sync was not scheduled: nothing to remove.")
        result.lines.append("If you added a crontab line for memberdesk, remove it with: crontab -e")
        return result
    write_atomically(service, service_text(home))
    write_atomically(timer, timer_text(every))
    result.written = [service, timer]
    when = "every day at about 7 in the morning" if every == "daily" else "every hour"
    if running and _systemctl("daemon-reload") and _systemctl("enable", "--now", f"{UNIT}.timer"):
        result.enabled = True
        result.lines.append(f"Sync will run {when} (systemd timer {UNIT}.timer, in {folder}).")
        result.lines.append(f"Check it with: systemctl --user list-timers {UNIT}.timer")
    else:
        result.lines.append(f"Wrote a systemd timer for {when} in {folder}, but systemd is not running here.")
        result.lines.append("To sync on its own with cron instead, add this line with crontab -e:")
        result.lines.append(cron_line(home, every))
    return result

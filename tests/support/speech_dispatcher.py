"""A private, real speech-dispatcher (Debian's) for tests: its own config, socket and logs.

    with PrivateDispatcher(tmp_path) as sd:
        os.environ["SPEECHD_ADDRESS"] = sd.address
        ...
        sd.sent_to_module()   # what the dispatcher handed its espeak-ng module, in order

There is no sound card here, so audio goes through libao's `null` driver (chosen by a
~/.libao in the dispatcher's own HOME): the espeak-ng module really synthesises and
"plays" every sample, and the dispatcher reports begin/end as it does on a desktop, but
the null driver does not keep real time (a 3.6 s sentence plays in about 0.3 s). pulse,
alsa and libao's default all fail without a sound server or card, and ALSA's `null` PCM is
just as unpaced.

LogLevel 5 makes the dispatcher log every block it sends to the output module (the text,
and rate=, volume=, synthesis_voice= before each message): that is the record the tests
read to see what reached the synthesiser.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

BINARY = "speech-dispatcher"
MODULE = Path("/usr/lib/speech-dispatcher-modules/sd_espeak-ng")
MODULE_CONF = Path("/etc/speech-dispatcher/modules/espeak-ng.conf")
START_TIMEOUT = 15.0

CONFIG = """\
LogLevel 5
LogDir "{log}"
AudioOutputMethod "libao"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
DefaultVolume 100
"""


def dispatcher_installed() -> str:
    """ "" when Debian's speech-dispatcher, its espeak-ng module and python3-speechd are here,
    otherwise what to install."""
    missing = []
    if shutil.which(BINARY) is None:
        missing.append("speech-dispatcher")
    if not MODULE.exists():
        missing.append("speech-dispatcher-espeak-ng")
    try:
        import speechd  # noqa: F401
    except ImportError:
        missing.append("python3-speechd (and scripts/setup.sh to link it into .venv)")
    return "" if not missing else "needs " + ", ".join(missing)


@dataclass(frozen=True)
class ModuleMessage:
    """One message as the dispatcher gave it to the output module, with the settings before it."""

    text: str
    settings: dict[str, str]


_SETTINGS = re.compile(r"Command sent to output module: \|((?:[a-z_]+=[^\n]*\n)+)\| \(0\)")
_TEXT = re.compile(r"Command sent to output module: \|<speak>(.*?)</speak>\| \(0\)", re.S)


class PrivateDispatcher:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.socket = root / "run" / "speechd.sock"
        self.log = root / "log" / "speech-dispatcher.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.started_in = 0.0

    @property
    def address(self) -> str:
        return f"unix_socket:{self.socket}"

    def start(self) -> PrivateDispatcher:
        conf, log, run, home = (self.root / name for name in ("conf", "log", "run", "home"))
        for folder in (conf / "modules", log, run, home):
            folder.mkdir(parents=True, exist_ok=True)
        (conf / "speechd.conf").write_text(CONFIG.format(log=log))
        shutil.copy(MODULE_CONF, conf / "modules" / "espeak-ng.conf")
        (home / ".libao").write_text("default_driver=null\n")
        env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(run)}
        env.pop("SPEECHD_ADDRESS", None)
        command = [BINARY, "-s", "-t", "0", "-c", "unix_socket", "-S", str(self.socket)]
        command += ["-C", str(conf), "-L", str(log), "-P", str(run / "speechd.pid")]
        began = time.monotonic()
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() - began > START_TIMEOUT:
                self.close()
                tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
                raise RuntimeError(f"speech-dispatcher did not start in {START_TIMEOUT:.0f} s:\n{tail}")
            time.sleep(0.05)
        self.started_in = time.monotonic() - began
        return self

    def _answers(self) -> bool:
        if not self.socket.exists():
            return False
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(str(self.socket))
            except OSError:
                return False
        return True

    def sent_to_module(self) -> list[ModuleMessage]:
        """Every message handed to the espeak-ng module so far, oldest first."""
        text = self.log.read_text(errors="replace")
        settings: dict[str, str] = {}
        messages: list[ModuleMessage] = []
        events = sorted(
            [(m.start(), "settings", m.group(1)) for m in _SETTINGS.finditer(text)]
            + [(m.start(), "text", m.group(1)) for m in _TEXT.finditer(text)]
        )
        for _, kind, body in events:
            if kind == "settings":
                settings = dict(line.split("=", 1) for line in body.splitlines() if line)
            else:
                messages.append(ModuleMessage(body, dict(settings)))
        return messages

    def close(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)  # its own session: the module processes too
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)

    def __enter__(self) -> PrivateDispatcher:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

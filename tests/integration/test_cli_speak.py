"""`memberdesk speak` through the real entry point, with real espeak-ng synthesis.

Reading aloud needs a player; this machine has no sound card, so the live tests name a
stand-in player (tests/support/slow_player.py) in $MEMBERDESK_AUDIO_PLAYER, as a person
with an unusual set-up would name theirs: it takes as long as each WAV lasts.
"""

from __future__ import annotations

import array
import math
import os
import shutil
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from cli import memberdesk
from memberdesk.library import Library
from memberdesk.papers.importer import Importer
from pdf_factory import make_pdf

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")

SUPPORT = Path(__file__).resolve().parents[1] / "support"
DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"
RMS_FLOOR = 300.0


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding the demo pack as document 1 (shared: these tests only read it)."""
    home = tmp_path_factory.mktemp("speak") / "home"
    with Library(home) as library, Importer(library) as importer:
        assert importer.import_file(DEMO).document_id == 1
    return home


def wav_facts(path: Path) -> tuple[float, float]:
    """(seconds, RMS) of a 16-bit WAV."""
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        data = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = array.array("h", data)
    return seconds, math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


def env_for(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "MEMBERDESK_HOME": str(home), "PYTHONPATH": os.pathsep.join(sys.path), **extra}


def slow_player(tmp_path: Path, speed: float) -> dict[str, str]:
    return {
        "MEMBERDESK_AUDIO_PLAYER": f"{sys.executable} {SUPPORT / 'slow_player.py'}",
        "SLOW_PLAYER_SPEED": str(speed),
        "SLOW_PLAYER_LOG": str(tmp_path / "played.log"),
    }


def test_speak_to_one_wav(demo_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "pages.wav"
    run = memberdesk("speak", "1", "--pages", "1-2", "--to", out, "--rate", "220", home=demo_home)
    assert run.code == 0, run.err
    seconds, rms = wav_facts(out)
    assert seconds > 20 and rms > RMS_FLOOR
    assert f"wrote {out}" in run.out
    assert "Speaking pages.wav: 100%" in run.err and "sentences)" in run.err  # progress, in words
    assert sorted(p.name for p in out.parent.iterdir()) == ["pages.wav"]
    slower = memberdesk(
        "speak", "1", "--pages", "1-2", "--to", tmp_path / "slow.wav", "--rate", "110", "--volume", "50", home=demo_home
    )
    assert slower.code == 0 and wav_facts(tmp_path / "slow.wav")[0] > 1.6 * seconds


def test_speak_to_a_folder_gives_a_file_per_item_and_a_playlist(demo_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "audio"
    run = memberdesk("speak", "1", "--to", f"{folder}/", home=demo_home)
    assert run.code == 0, run.err
    lines = (folder / "playlist.m3u").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    titles = [line.split(",", 1)[1] for line in lines if line.startswith("#EXTINF:")]
    files = [line for line in lines[1:] if not line.startswith("#")]
    with Library(demo_home) as library:
        outline = [e.title for e in library.documents.outline(1) if e.level == 0]
    assert titles == outline  # every agenda item, in order
    assert len(files) == len(outline) and files[0] == "01 Front sheet.wav"
    for name in files:
        seconds, rms = wav_facts(folder / name)
        assert seconds > 5 and rms > RMS_FLOOR
    assert f"the playlist: {len(files)} files" in run.out


def test_a_page_without_text_is_skipped_with_a_note(home: Path, tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "in" / "gap.pdf", ["The committee met. It agreed the plan.", "", "Members thanked the officers."]
    )
    with Library(home) as library, Importer(library, workers=1) as importer:
        assert importer.import_file(pdf).document_id == 1
    run = memberdesk("speak", "1", "--to", tmp_path / "gap.wav", home=home)
    assert run.code == 0, run.err
    assert "page 2: no text could be read from it (damaged, or a picture); skipped" in run.err
    assert wav_facts(tmp_path / "gap.wav")[1] > RMS_FLOOR


def test_clear_errors(demo_home: Path, tmp_path: Path) -> None:
    bad = memberdesk("speak", "1", "--to", tmp_path / "out.mp3", home=demo_home)
    assert bad.code == 2 and ".wav" in bad.err
    assert memberdesk("speak", "1", "--rate", "5", home=demo_home).code == 2
    voice = memberdesk("speak", "1", "--voice", "martian", "--to", tmp_path / "x.wav", home=demo_home)
    assert voice.code == 2 and "no such voice" in voice.err and "Traceback" not in voice.err
    # No speech engine: a pyttsx3 that cannot be imported stands in for a machine without espeak-ng.
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "pyttsx3.py").write_text("raise ImportError('libespeak-ng.so.1: cannot open shared object file')\n")
    env = env_for(demo_home, PYTHONPATH=os.pathsep.join([str(fake), *sys.path]))
    done = subprocess.run(
        [sys.executable, "-m", "memberdesk", "speak", "1", "--to", str(tmp_path / "y.wav")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1 and "sudo apt-get install espeak-ng" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "y.wav").exists()
    # A player that is not there: named, exit 1.
    env = env_for(demo_home, MEMBERDESK_AUDIO_PLAYER="no-such-player --quiet")
    done = subprocess.run(
        [sys.executable, "-m", "memberdesk", "speak", "1"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1 and "'no-such-player'" in done.stderr


def test_speak_prints_each_sentence_as_it_is_read(demo_home: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "memberdesk", "speak", "1", "--pages", "ii"],
        capture_output=True,
        text=True,
        env=env_for(demo_home, **slow_player(tmp_path, 0.02)),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "--- page ii ---" and lines[1] == "Agenda"
    assert "Page ii" not in lines and not any("12 January 2027" in line for line in lines[:2])  # no footer/header
    played = (tmp_path / "played.log").read_text().splitlines()
    assert len(played) == len(lines) - 1  # one sentence played per line printed


def _descendants(pid: int) -> dict[int, bytes]:
    """{pid: command line} of every live process below `pid`."""
    children: dict[int, list[int]] = {}
    commands: dict[int, bytes] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            commands[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found: dict[int, bytes] = {}
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = commands.get(child, b"")
            todo.append(child)
    return found


def _alive(pid: int, command: bytes) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return stat[0] != "Z" and Path(f"/proc/{pid}/cmdline").read_bytes() == command
    except OSError:
        return False


def test_ctrl_c_stops_cleanly(demo_home: Path, tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "memberdesk", "speak", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_for(demo_home, **slow_player(tmp_path, 1.0)),
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("--- page")
        assert proc.stdout.readline().strip()  # the first sentence is being read
        # The sentence is printed as its playing starts: the player may take a moment to show.
        deadline = time.monotonic() + 5
        while True:
            below = _descendants(proc.pid)
            if any(b"slow_player.py" in c for c in below.values()) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert any(b"memberdesk.speech.worker" in c for c in below.values())
        assert any(b"slow_player.py" in c for c in below.values())
        interrupted = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
        took = time.monotonic() - interrupted
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130 and err.strip().endswith("memberdesk: stopped")
    assert "Traceback" not in err and took < 3
    time.sleep(0.2)
    assert [pid for pid, command in below.items() if _alive(pid, command)] == []

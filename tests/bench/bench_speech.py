"""Speech benchmarks (a script; not collected by pytest). Prints figures, compares in-run.

    PYTHONPATH=src python tests/bench/bench_speech.py [--pages 50] [--presses 10]

1. Key press to first audio sample: speak() from a sentence in the middle of a long pack,
   timed until the WAV is handed to the player, against `espeak-ng --stdout` on the same
   sentence in the same run (time to its first byte of audio, and to its end).
   Goal (issue 5): under 0.3 s, and within 2x of espeak-ng alone.
2. Export of a pack of N pages to one WAV: wall time against the audio's real duration.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from memberdesk.access.lexicon import load_lexicon  # noqa: E402
from memberdesk.speech import choose_speaker, document_sentences, export_pages  # noqa: E402
from memberdesk.speech.player import Playback, Player  # noqa: E402

PHRASES = [
    "Cllr. {name} moved that the report of the Director of {dept} be received.",
    "The Committee considered the LCC budget of £{m}.{d}m for the {prog} programme.",
    "Members asked about SEND transport, e.g. the new routes to schools in {ward}.",
    "Officers confirmed that the NHS and the CQC had been consulted in {month}.",
    "The meeting at 10.00 am on {day} {month} noted the ICT risks set out in paragraph {p}.{q}.",
    "It was resolved that the recommendations in section {p} be approved, subject to No. {q}.",
    "The BTLS scheme will cost approximately £{m}{d}0k over the next three years.",
]
WORDS = {
    "name": ["Smith", "Patel", "Okafor", "Hughes", "Brown"],
    "dept": ["Resources", "Housing", "Highways"],
    "prog": ["capital", "highways", "schools"],
    "ward": ["Headingley", "Armley", "Roundhay"],
    "month": ["May", "June", "July"],
    "day": ["3", "14", "27"],
}


def pack(pages: int, words_per_page: int = 400, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    out = []
    for number in range(1, pages + 1):
        lines = ["Leeds City Council Executive Board", f"Agenda Item {number}"]
        words = 0
        while words < words_per_page:
            text = rng.choice(PHRASES).format(
                **{k: rng.choice(v) for k, v in WORDS.items()},
                m=rng.randint(1, 9),
                d=rng.randint(0, 9),
                p=rng.randint(1, 9),
                q=rng.randint(1, 9),
            )
            lines.append(text)
            words += len(text.split())
        lines.append(f"Page {number} of {pages}")
        out.append("\n".join(lines))
    return out


class HandOffPlayer(Player):
    """Notes when a WAV is handed over (the first sample is on its way), plays nothing."""

    name = "bench"

    def __init__(self) -> None:
        self.handed = threading.Event()
        self.when = 0.0

    def play(self, wav: Path) -> Playback:
        self.when = time.perf_counter()
        self.handed.set()
        return _Instant()


class _Instant(Playback):
    def wait(self, timeout: float | None = None) -> bool:
        return True

    def stop(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...


def espeak_first_byte(text: str, rate: int = 175) -> tuple[float, float]:
    """(seconds to the first byte of audio, seconds to the end) for espeak-ng --stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(["espeak-ng", "-s", str(rate), "--stdout", text], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(1)
    first = time.perf_counter() - start
    proc.stdout.read()
    proc.wait()
    return first, time.perf_counter() - start


def bench_latency(presses: int) -> None:
    pages = pack(200)
    sentences = [s.spoken for page in document_sentences(pages) for s in page]
    player = HandOffPlayer()
    lexicon = load_lexicon()
    start = time.perf_counter()
    speaker = choose_speaker("espeak", player=player, lexicon=lexicon, required=True)
    print(f"speaker start-up (worker process + espeak + warm-up): {time.perf_counter() - start:.3f} s")
    ours, theirs_first, theirs_end = [], [], []
    rng = random.Random(1)
    try:
        for _ in range(presses):
            index = len(sentences) // 2 + rng.randint(-500, 500)  # the middle; never cached
            player.handed.clear()
            pressed = time.perf_counter()
            speaker.speak(sentences, start=index)
            player.handed.wait(5)
            ours.append(player.when - pressed)
            speaker.stop()
            speaker.wait(2)
            first, end = espeak_first_byte(lexicon.apply(sentences[index]))
            theirs_first.append(first)
            theirs_end.append(end)
    finally:
        speaker.close()
    ours_ms, first_ms, end_ms = (statistics.median(x) * 1000 for x in (ours, theirs_first, theirs_end))
    print(f"key press -> first audio handed to player, median of {presses}: {ours_ms:.1f} ms")
    print(f"espeak-ng --stdout, same sentences: first byte {first_ms:.1f} ms, whole WAV {end_ms:.1f} ms")
    print(
        f"ratio ours / espeak-ng first byte: {ours_ms / first_ms:.2f}x; "
        f"ours / espeak-ng whole: {ours_ms / end_ms:.2f}x   (goal: < 300 ms and within 2x)"
    )


def bench_export(pages_count: int) -> None:
    pages = pack(pages_count)
    words = sum(len(p.split()) for p in pages)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        result = export_pages(pages, Path(folder) / "pack.wav", lexicon=load_lexicon())
        wall = time.perf_counter() - start
        size = (Path(folder) / "pack.wav").stat().st_size
    print(
        f"export {pages_count} pages ({words} words, {result.sentences} sentences): wall {wall:.1f} s, "
        f"audio {result.seconds / 60:.1f} min, {result.seconds / wall:.0f}x real time, "
        f"{size / 1e6:.0f} MB, notes {len(result.notes)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--presses", type=int, default=10)
    args = parser.parse_args()
    bench_latency(args.presses)
    bench_export(args.pages)


if __name__ == "__main__":
    main()

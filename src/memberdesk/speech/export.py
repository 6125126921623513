"""Export text as audio: one WAV for some pages, or a folder of one WAV per section + .m3u.

Each sentence is synthesised on its own by the worker processes (the same ones that read
aloud; two of them on a two-core machine) and the pieces are joined with the `wave`
module, with a short silence between paragraphs. A sentence the engine cannot say, or a
page with no text, is skipped and named in `notes`; it never stops the export. Files are
written under a temporary name and renamed into place only when complete, so an
interrupted export leaves no half file behind.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import wave
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memberdesk.access.lexicon import Lexicon
from memberdesk.files import write_atomically
from memberdesk.speech.base import SpeechSettings
from memberdesk.speech.laid_out import LaidOut
from memberdesk.speech.page_breaks import runs_on
from memberdesk.speech.synth import SynthClient, SynthError
from memberdesk.speech.units import Sentence, find_repeated_lines, page_sentences

#: progress(done, total, note): sentences done of total; note is "" or one line to show.
ProgressCallback = Callable[[int, int, str], None]
PARAGRAPH_PAUSE = 0.3  # seconds of silence between paragraphs (espeak adds its own per sentence)
PLAYLIST_NAME = "playlist.m3u"


class ExportError(RuntimeError):
    """The export could not be made at all; the message names the reason."""


class ExportCancelled(ExportError):
    pass


@dataclass
class ExportResult:
    files: list[Path] = field(default_factory=list)
    playlist: Path | None = None
    seconds: float = 0.0  # total audio duration
    sentences: int = 0  # sentences spoken
    notes: list[str] = field(default_factory=list)  # what was skipped, and why


@dataclass
class _Unit:
    where: str  # "page 3", for notes
    spoken: str
    pause_before: bool  # a paragraph or page starts here


def _units(
    pages: Sequence[str | None],
    keys: frozenset[str],
    lexicon: Lexicon | None,
    label: str,
    notes: list[str],
    layouts: Sequence[LaidOut] = (),
) -> list[_Unit]:
    units: list[_Unit] = []
    carried: Sentence | None = None  # the page before's last sentence, the last unit's end
    for number, text in enumerate(pages, 1):
        where = f"{label}page {number}"
        if text is None:
            notes.append(f"{where}: no text could be read from it; skipped")
            carried = None
            continue
        last_paragraph = None
        said: Sentence | None = None
        laid = layouts[number - 1] if number <= len(layouts) else LaidOut()
        sentences = page_sentences(text, boilerplate=laid.running(keys), tables=laid.tables, headings=laid.headings)
        for k, sentence in enumerate(sentences):
            spoken = lexicon.apply(sentence.spoken) if lexicon else sentence.spoken
            if not any(ch.isalnum() for ch in spoken):
                continue
            if k == 0 and carried is not None and runs_on(carried, sentence):
                units[-1].spoken += " " + spoken  # a sentence the page break cut, said whole
            else:
                units.append(_Unit(where, spoken, last_paragraph is None or sentence.paragraph != last_paragraph))
            last_paragraph, said = sentence.paragraph, sentence
        carried = said if sentences and said is sentences[-1] else None
    return units


def safe_filename(title: str, limit: int = 80) -> str:
    cleaned = re.sub(r"[\x00-\x1f/\\:*?\"<>|]+", " ", title)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .")
    return cleaned[:limit].rstrip(" .") or "section"


def _atomic_text(path: Path, text: str) -> None:
    write_atomically(path, text)


class _Exporter:
    def __init__(
        self,
        settings: SpeechSettings | None,
        lexicon: Lexicon | None,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
        driver: str | None,
        workers: int | None,
    ) -> None:
        self.settings = (settings or SpeechSettings()).clamped()
        self.lexicon = lexicon
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.folder = Path(tempfile.mkdtemp(prefix="memberdesk-export-"))
        count = workers or min(2, os.cpu_count() or 1)
        self.clients = [SynthClient(driver, self.folder) for _ in range(max(1, count))]
        self.done = 0
        self.total = 0
        self.result = ExportResult()

    def __enter__(self) -> _Exporter:
        for client in self.clients:
            client.start()  # SpeechUnavailable, with the install hint, if no engine
        return self

    def __exit__(self, *exc: object) -> None:
        for client in self.clients:
            client.close()
        for leftover in self.folder.glob("*"):
            leftover.unlink(missing_ok=True)
        self.folder.rmdir()

    def tick(self, note: str = "") -> None:
        if note:
            self.result.notes.append(note)
        if self.progress:
            self.progress(self.done, self.total, note)

    def render(self, units: list[_Unit], out: Path) -> float | None:
        """Write `units` as one WAV at `out`; its duration, or None if nothing was said."""
        tmp = out.with_name(f".{out.name}.tmp")
        writer: wave.Wave_write | None = None
        params: tuple[int, int, int] | None = None
        frames_written = 0
        window = 4 * len(self.clients)
        queue: deque[tuple[_Unit, SynthClient, Future[dict[str, Any]], Path]] = deque()
        upcoming = iter(enumerate(units))
        try:
            while True:
                while len(queue) < window:
                    item = next(upcoming, None)
                    if item is None:
                        break
                    n, unit = item
                    client = self.clients[n % len(self.clients)]
                    path = self.folder / f"u{id(out)}-{n}.wav"
                    queue.append((unit, client, client.submit(unit.spoken, path, self.settings), path))
                if not queue:
                    break
                if self.cancel.is_set():
                    raise ExportCancelled("export cancelled")
                unit, client, future, path = queue.popleft()
                self.done += 1
                try:
                    client.result(future, path)
                    with wave.open(str(path), "rb") as piece:
                        these = (piece.getnchannels(), piece.getsampwidth(), piece.getframerate())
                        data = piece.readframes(piece.getnframes())
                    if not data:
                        raise SynthError("no audio")
                    if params is None:
                        params = these
                        writer = wave.open(str(tmp), "wb")  # noqa: SIM115 - closed in the finally below
                        writer.setnchannels(these[0])
                        writer.setsampwidth(these[1])
                        writer.setframerate(these[2])
                    elif these != params:
                        raise SynthError(f"audio format {these} differs from {params}")
                    assert writer is not None
                    if unit.pause_before and frames_written:
                        silence = int(PARAGRAPH_PAUSE * params[2])
                        writer.writeframes(b"\0" * silence * params[0] * params[1])
                        frames_written += silence
                    writer.writeframes(data)
                    frames_written += len(data) // (params[0] * params[1])
                    self.result.sentences += 1
                    self.tick()
                except (SynthError, OSError, EOFError, wave.Error) as exc:
                    self.tick(f"{unit.where}: could not say {unit.spoken[:40]!r} ({exc}); skipped")
                finally:
                    path.unlink(missing_ok=True)
            if writer is None or params is None:
                return None
            writer.close()
            writer = None
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, out)
            seconds = frames_written / params[2]
            self.result.files.append(out)
            self.result.seconds += seconds
            return seconds
        finally:
            if writer is not None:
                writer.close()
            tmp.unlink(missing_ok=True)
            for *_, future, path in queue:
                future.cancel()
                path.unlink(missing_ok=True)


def export_pages(
    pages: Sequence[str | None],
    out: Path,
    *,
    running: frozenset[str] | None = None,
    settings: SpeechSettings | None = None,
    lexicon: Lexicon | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    driver: str | None = None,
    workers: int | None = None,
    layouts: Sequence[LaidOut] = (),
) -> ExportResult:
    """Write the pages as one WAV file at `out`. A page that is None had no text (skipped).

    `running`: the paper's running headers and footers (ReadingSession.running_lines), left
    unread; without it they are found among these pages alone. `layouts`: what the layout
    found on each page (ReadingSession.laid_out), so table rows are heard with their headers
    and headings are the paper's."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with _Exporter(settings, lexicon, progress, cancel, driver, workers) as job:
        keys = find_repeated_lines(pages) if running is None else running
        units = _units(pages, keys, lexicon, "", job.result.notes, layouts)
        job.total = len(units)
        if job.render(units, out) is None:
            raise ExportError(f"{out}: nothing in the pages could be read aloud; no file written")
        return job.result


def export_sections(
    sections: Sequence[tuple[str, Sequence[str | None]]],
    folder: Path,
    *,
    running: frozenset[str] | None = None,
    settings: SpeechSettings | None = None,
    lexicon: Lexicon | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    driver: str | None = None,
    workers: int | None = None,
    layouts: Sequence[Sequence[LaidOut]] = (),
) -> ExportResult:
    """One WAV per (title, pages) section in `folder`, plus playlist.m3u listing them in order
    (`layouts`: each section's pages' layouts, as for export_pages)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    keys = find_repeated_lines([page for _, pages in sections for page in pages]) if running is None else running
    with _Exporter(settings, lexicon, progress, cancel, driver, workers) as job:
        planned = [
            (
                title,
                _units(pages, keys, lexicon, f"{title}, ", job.result.notes, layouts[k] if k < len(layouts) else ()),
            )
            for k, (title, pages) in enumerate(sections)
        ]
        job.total = sum(len(units) for _, units in planned)
        width = max(2, len(str(len(planned))))
        entries: list[tuple[float, str, str]] = []
        for number, (title, units) in enumerate(planned, 1):
            name = f"{number:0{width}d} {safe_filename(title)}.wav"
            seconds = job.render(units, folder / name) if units else None
            if seconds is None:
                job.tick(f"{title}: nothing to read aloud; no file written")
                continue
            entries.append((seconds, title, name))
        if not entries:
            raise ExportError(f"{folder}: nothing in these sections could be read aloud")
        lines = ["#EXTM3U"]
        for seconds, title, name in entries:
            one_line_title = " ".join(title.split())
            lines += [f"#EXTINF:{round(seconds)},{one_line_title}", name]
        playlist = folder / PLAYLIST_NAME
        _atomic_text(playlist, "\n".join(lines) + "\n")
        job.result.playlist = playlist
        return job.result

"""memberdesk speak DOC [--pages A-B] [--to FILE.wav|DIR/]: read aloud, or save the audio."""

from __future__ import annotations

import argparse
import os
import queue
from pathlib import Path
from typing import TYPE_CHECKING

from memberdesk.commands import CommandError, Context, UsageError
from memberdesk.commands.documents import page_range, resolve
from memberdesk.commands.progress import progress_reporter
from memberdesk.reading.sections import Section
from memberdesk.reading.session import ReadingSession
from memberdesk.speech.base import MAX_RATE, MIN_RATE, SpeechEvent, SpeechSettings, SpeechUnavailable, Voice

if TYPE_CHECKING:
    from memberdesk.access.lexicon import Lexicon
    from memberdesk.speech.export import ExportResult


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "speak",
        help="read a document aloud, or save it as audio files",
        description="Read a document aloud (an id from 'memberdesk library', or a PDF path, imported "
        "if needed), printing each sentence as it is spoken; Ctrl+C stops. With --to FILE.wav the "
        "audio is saved instead; with --to DIR/ there is one file per agenda item or section of the "
        "paper's contents (one file if it has none) and a playlist.m3u naming them. Running headers "
        "and footers are not read. Pages with no text (damaged, or pictures) are skipped with a note.",
    )
    parser.add_argument("doc", metavar="DOC", help="document id or PDF path")
    parser.add_argument("--pages", metavar="A-B", help="printed page labels or numbers, e.g. 3-5 or iii-2")
    parser.add_argument("--to", metavar="FILE.wav|DIR/", help="save the audio: one WAV file, or a folder (ends in /)")
    parser.add_argument(
        "--rate",
        type=int,
        metavar="WPM",
        help=f"words a minute, {MIN_RATE} to {MAX_RATE} (default: the profile's, usually 170)",
    )
    parser.add_argument("--volume", type=int, metavar="PERCENT", help="0 to 100 (default: the profile's, usually 100)")
    parser.add_argument(
        "--voice", metavar="NAME", help="a voice by name, id or language, e.g. 'English (Great Britain)' or en-gb"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from memberdesk.speech.preferences import load_preferences

    if args.rate is not None and not MIN_RATE <= args.rate <= MAX_RATE:
        raise UsageError(f"--rate {args.rate}: give words a minute from {MIN_RATE} to {MAX_RATE}")
    if args.volume is not None and not 0 <= args.volume <= 100:
        raise UsageError(f"--volume {args.volume}: give a percentage from 0 to 100")
    folder = bool(args.to) and (args.to.endswith(("/", os.sep)) or Path(args.to).is_dir())
    if args.to and not folder and Path(args.to).suffix.lower() != ".wav":
        raise UsageError(f"--to {args.to}: give a file ending in .wav, or a folder ending in /")
    doc = resolve(ctx, args.doc)
    reading = ReadingSession(ctx.library(), doc)
    wanted = page_range(ctx, doc, args.pages)
    every_page = [text or "" for text in ctx.library().documents.page_texts(doc.id)]
    for index in wanted:
        if not every_page[index].strip():
            print(
                f"memberdesk: page {reading.label(index)}: no text could be read from it (damaged, or a picture); "
                "skipped",
                file=ctx.err,
            )
    prefs = load_preferences(ctx.home, ctx.profile)
    for problem in prefs.problems:
        ctx.fail(problem)
    settings = SpeechSettings(
        rate=args.rate if args.rate is not None else prefs.settings.rate,
        volume=args.volume / 100 if args.volume is not None else prefs.settings.volume,
        voice=_voice(args.voice) if args.voice else prefs.settings.voice,
    ).clamped()
    if args.to and folder:
        sections = reading.sections(wanted)
        return _export_folder(ctx, Path(args.to), sections, every_page, reading, settings, prefs.lexicon)
    if args.to:
        return _export_file(ctx, Path(args.to), wanted, every_page, reading, settings, prefs.lexicon)
    return _read_aloud(ctx, reading, every_page, wanted, settings, prefs.lexicon)


def _voice(wanted: str) -> str:
    """The engine's id for a voice named by id, name or language (case ignored)."""
    from memberdesk.speech.synth import SynthClient, SynthError

    client = SynthClient()
    try:
        client.start()
        voices = client.voices()
    except (SpeechUnavailable, SynthError) as exc:
        raise CommandError(str(exc)) from exc
    finally:
        client.close()
    key = wanted.strip().lower()
    for match in (
        lambda v: v.id.lower() == key,
        lambda v: v.name.lower() == key,
        lambda v: key in (lang.lower() for lang in v.languages),
    ):
        found = [v for v in voices if match(v)]
        if found:
            return found[0].id
    raise UsageError(f"--voice {wanted}: no such voice; some there are: {_some_voices(voices, key)}")


def _some_voices(voices: list[Voice], key: str) -> str:
    near = [
        v for v in voices if v.name.lower().startswith(key[:2]) or any(lang.startswith(key[:2]) for lang in v.languages)
    ]
    shown = (near or voices)[:8]
    return ", ".join(f"{v.name} ({', '.join(v.languages)})" for v in shown) + f" ({len(voices)} in all)"


def _export_file(
    ctx: Context,
    out: Path,
    wanted: range,
    every_page: list[str],
    reading: ReadingSession,
    settings: SpeechSettings,
    lexicon: Lexicon | None,
) -> int:
    from memberdesk.speech.export import ExportError, export_pages

    with progress_reporter(ctx, "Speaking", unit="sentences") as report:
        try:
            result = export_pages(
                [every_page[i] for i in wanted],
                out,
                layouts=[reading.laid_out(i) for i in wanted],
                running=reading.running_lines,
                settings=settings,
                lexicon=lexicon,
                progress=lambda done, total, note: report(str(out), done, total),
            )
        except (ExportError, SpeechUnavailable) as exc:
            raise CommandError(str(exc)) from exc
    _finish(ctx, result)
    return 0


def _export_folder(
    ctx: Context,
    folder: Path,
    sections: list[Section],
    every_page: list[str],
    reading: ReadingSession,
    settings: SpeechSettings,
    lexicon: Lexicon | None,
) -> int:
    from memberdesk.speech.export import ExportError, export_sections

    texts = [(title, [every_page[i] for i in pages]) for title, pages in sections]
    with progress_reporter(ctx, "Speaking", unit="sentences") as report:
        try:
            result = export_sections(
                texts,
                folder,
                layouts=[[reading.laid_out(i) for i in pages] for _, pages in sections],
                running=reading.running_lines,
                settings=settings,
                lexicon=lexicon,
                progress=lambda done, total, note: report(folder.name or str(folder), done, total),
            )
        except (ExportError, SpeechUnavailable) as exc:
            raise CommandError(str(exc)) from exc
    _finish(ctx, result)
    return 0


def _finish(ctx: Context, result: ExportResult) -> None:
    from memberdesk.speech.player import wav_seconds

    for note in result.notes:
        print(f"memberdesk: {note}", file=ctx.err)
    for path in result.files:
        print(f"wrote {path} ({_duration(wav_seconds(path))})", file=ctx.out)
    if result.playlist is not None:
        print(
            f"wrote {result.playlist} (the playlist: {len(result.files)} files, {_duration(result.seconds)})",
            file=ctx.out,
        )


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def _read_aloud(
    ctx: Context,
    reading: ReadingSession,
    every_page: list[str],
    wanted: range,
    settings: SpeechSettings,
    lexicon: Lexicon | None,
) -> int:
    """Speak, printing each sentence as it starts; Ctrl+C ends it (the speaker is closed)."""
    from memberdesk.speech import choose_speaker
    from memberdesk.speech.follow import Place

    sentences = reading.sentences()
    read = sentences.read_on([Place(i, n) for i in wanted for n in range(len(sentences.page(i)))])
    units = [(place.page, sentences.sentence(place), text) for place, text in read]
    if not units:
        raise CommandError("nothing in these pages can be read aloud")
    events: queue.Queue[SpeechEvent] = queue.Queue()
    try:
        speaker = choose_speaker(on_event=events.put, settings=settings, lexicon=lexicon, required=True)
    except SpeechUnavailable as exc:
        raise CommandError(str(exc)) from exc
    with speaker:  # closed however this ends, Ctrl+C included: no player or worker left behind
        speaker.speak([text for _place, text in read])
        shown_page: int | None = None
        while True:
            try:
                event = events.get(timeout=0.5)  # a timeout keeps Ctrl+C prompt on every platform
            except queue.Empty:
                continue
            if event.kind == "started" and event.index is not None:
                page, sentence, said = units[event.index]
                if page != shown_page:
                    print(f"--- page {reading.label(page)} ---", file=ctx.out, flush=True)
                    shown_page = page
                shown = every_page[page][sentence.start : sentence.end]
                if said != sentence.spoken:  # its end is over the page, at the next one's top
                    tail = sentences.sentence(Place(page + 1, 0))
                    shown += " " + every_page[page + 1][tail.start : tail.end]
                print(" ".join(shown.split()), file=ctx.out, flush=True)
            elif event.kind == "error":
                raise CommandError(event.message or "reading aloud failed")
            elif event.kind in ("done", "stopped"):
                return 0

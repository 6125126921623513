"""Real espeak-ng synthesis through memberdesk.speech: export, playback timing, stop, no engine.

Nothing is faked here: pyttsx3 drives libespeak-ng in the worker process and the WAVs are
real. Sound goes to a FilePlayer (this machine has no sound card), which takes each WAV's
real duration (scaled by `speed`) and can be stopped like the process player.
"""

from __future__ import annotations

import array
import math
import shutil
import threading
import time
import wave
from pathlib import Path

import pytest

from memberdesk.access.lexicon import load_lexicon
from memberdesk.speech import (
    INSTALL_HINT,
    ExportError,
    FilePlayer,
    SpeechEvent,
    SpeechSettings,
    SpeechUnavailable,
    choose_speaker,
    export_pages,
    export_sections,
    find_audio_player,
)
from memberdesk.speech.base import MAX_RATE, MIN_RATE

pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (scripts/setup.sh installs it: sudo apt-get install espeak-ng)",
)

PAGE = (
    "Cllr. Smith opened the meeting at 10.00 am. The Committee considered the LCC budget of "
    "£1.5m for the BTLS programme. Members asked about SEND transport, e.g. the new routes."
)
RMS_FLOOR = 300.0  # 16-bit samples; espeak speech is in the thousands, silence is 0


def wav_facts(path: Path) -> tuple[float, float, tuple[int, int, int]]:
    """(seconds, RMS, (channels, sample width, rate)) of a WAV, read with the wave module."""
    with wave.open(str(path), "rb") as wav:
        params = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate())
        data = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = array.array("h", data)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0
    return seconds, rms, params


# -- export ------------------------------------------------------------------------------


def test_exported_wav_is_valid_and_not_silent(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = export_pages(
        [PAGE],
        tmp_path / "out.wav",
        lexicon=load_lexicon(),
        progress=lambda done, total, note: seen.append((done, total)),
    )
    seconds, rms, params = wav_facts(tmp_path / "out.wav")
    assert params == (1, 2, 22050)
    assert seconds > 4.0 and rms > RMS_FLOOR
    assert result.sentences == 3 and result.notes == []
    assert math.isclose(result.seconds, seconds, rel_tol=0.01)
    assert seen[-1] == (3, 3) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert [p.name for p in tmp_path.iterdir()] == ["out.wav"]  # no temporary left over


def test_a_sentence_cut_by_a_page_break_is_exported_as_one(tmp_path: Path) -> None:
    # Two pages, one sentence over the break: one sentence in the audio, not "inspector." alone.
    pages = [
        "The plan was submitted for independent Examination by a Government-appointed",
        "inspector. The report followed.",
    ]
    assert export_pages(pages, tmp_path / "cut.wav").sentences == 2
    assert export_pages(["The plan was examined.", "Inspectors came."], tmp_path / "whole.wav").sentences == 2
    assert export_pages(["Budget", "inspector. The report followed."], tmp_path / "heading.wav").sentences == 3


def test_duration_grows_with_text_and_falls_with_rate(tmp_path: Path) -> None:
    short = export_pages(["The meeting opened."], tmp_path / "short.wav").seconds
    long = export_pages([PAGE], tmp_path / "long.wav").seconds
    slow = export_pages([PAGE], tmp_path / "slow.wav", settings=SpeechSettings(rate=120)).seconds
    fast = export_pages([PAGE], tmp_path / "fast.wav", settings=SpeechSettings(rate=320)).seconds
    assert long > 2 * short
    assert slow > 1.8 * fast
    assert wav_facts(tmp_path / "fast.wav")[1] > RMS_FLOOR


def test_volume_setting_changes_loudness(tmp_path: Path) -> None:
    export_pages([PAGE], tmp_path / "loud.wav", settings=SpeechSettings(volume=1.0))
    export_pages([PAGE], tmp_path / "quiet.wav", settings=SpeechSettings(volume=0.3))
    assert wav_facts(tmp_path / "quiet.wav")[1] < 0.6 * wav_facts(tmp_path / "loud.wav")[1]


def test_playlist_lists_every_section_in_order(tmp_path: Path) -> None:
    sections = [
        ("1. Apologies for absence", ["Apologies were received from Cllr. Jones."]),
        ("2. Minutes, 3 May", ["The minutes were agreed as a correct record."]),
        ("3. Budget: LCC / BTLS", ["The budget was noted.", None]),
        ("4. Any other business", ["There was none."]),
    ]
    result = export_sections(sections, tmp_path / "pack", lexicon=load_lexicon())
    lines = (tmp_path / "pack" / "playlist.m3u").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    titles = [line.split(",", 1)[1] for line in lines if line.startswith("#EXTINF:")]
    assert titles == [title for title, _ in sections]
    files = [line for line in lines[1:] if not line.startswith("#")]
    assert len(files) == 4 and files == sorted(files)
    for name, extinf in zip(files, [ln for ln in lines if ln.startswith("#EXTINF:")], strict=True):
        seconds, rms, _ = wav_facts(tmp_path / "pack" / name)
        assert rms > RMS_FLOOR and abs(int(extinf[8:].split(",")[0]) - seconds) <= 1
    assert result.playlist == tmp_path / "pack" / "playlist.m3u"
    assert any("3. Budget" in note and "page 2" in note for note in result.notes)


def test_damaged_and_empty_units_are_skipped_with_a_note(tmp_path: Path) -> None:
    result = export_pages([None, PAGE, "• • •"], tmp_path / "out.wav")
    assert result.sentences == 3
    assert result.notes == ["page 1: no text could be read from it; skipped"]
    with pytest.raises(ExportError, match="nothing in the pages could be read aloud"):
        export_pages([None, "   "], tmp_path / "empty.wav")
    assert not (tmp_path / "empty.wav").exists()


def test_export_can_be_cancelled(tmp_path: Path) -> None:
    cancel = threading.Event()
    with pytest.raises(ExportError, match="cancelled"):
        export_pages([PAGE] * 5, tmp_path / "out.wav", cancel=cancel, progress=lambda done, total, note: cancel.set())
    assert list(tmp_path.iterdir()) == []


def test_engine_prints_never_reach_our_stdout(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    export_pages([PAGE], tmp_path / "out.wav")
    assert capfd.readouterr().out == ""  # pyttsx3 prints "Audio saved to ..." in the worker


# -- reading aloud through a FilePlayer ----------------------------------------------------


class Recorder:
    """Collects events with their arrival time; lets a test wait for one."""

    def __init__(self) -> None:
        self.events: list[tuple[float, SpeechEvent]] = []
        self._cond = threading.Condition()

    def __call__(self, event: SpeechEvent) -> None:
        with self._cond:
            self.events.append((time.monotonic(), event))
            self._cond.notify_all()

    def wait_for(self, kind: str, index: int | None = None, timeout: float = 10.0) -> float:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for when, event in self.events:
                    if event.kind == kind and (index is None or event.index == index):
                        return when
                left = deadline - time.monotonic()
                assert left > 0, f"no {kind}({index}) event; got {self.kinds()}"
                self._cond.wait(left)

    def kinds(self) -> list[tuple[str, int | None]]:
        return [(e.kind, e.index) for _, e in self.events]


SENTENCES = [
    "Cllr. Smith opened the meeting.",
    "The minutes were agreed.",
    "•",  # nothing to say: still stepped through
    "The LCC budget of £1.5m was noted.",
    "The meeting closed at 10.00 am.",
]


@pytest.fixture
def reading(tmp_path: Path):
    recorder = Recorder()
    player = FilePlayer(tmp_path / "played", speed=0.25)
    speaker = choose_speaker("espeak", player=player, on_event=recorder, lexicon=load_lexicon(), required=True)
    yield speaker, player, recorder
    speaker.close()


def test_sentences_start_in_order_when_they_play(reading) -> None:
    speaker, player, recorder = reading
    assert speaker.name == "espeak" and speaker.available
    speaker.speak(SENTENCES)
    recorder.wait_for("done")
    assert recorder.kinds() == [(kind, i) for i in range(len(SENTENCES)) for kind in ("started", "finished")] + [
        ("done", None)
    ]
    assert len(player.played) == 4  # the bullet-only sentence has no audio
    # "started" is sent when playback starts, and each sentence ends before the next starts.
    starts = [when for when, e in recorder.events if e.kind == "started" and e.index != 2]
    for when, played in zip(starts, player.played, strict=True):
        assert 0 <= when - played.started < 0.1
        assert played.completed and played.ended is not None
    for earlier, later in zip(player.played, player.played[1:], strict=False):
        assert earlier.ended <= later.started
    assert not speaker.speaking


def test_reading_from_the_middle_reports_real_indexes(reading) -> None:
    speaker, player, recorder = reading
    speaker.speak(SENTENCES, start=3)
    recorder.wait_for("done")
    assert recorder.kinds() == [("started", 3), ("finished", 3), ("started", 4), ("finished", 4), ("done", None)]


def test_stop_stops_within_a_fifth_of_a_second(reading) -> None:
    speaker, player, recorder = reading
    player.speed = 1.0  # real time: each sentence lasts seconds, so stop lands mid-sentence
    speaker.speak(SENTENCES)
    recorder.wait_for("started", 1)
    time.sleep(0.3)
    asked = time.monotonic()
    speaker.stop()
    stopped = recorder.wait_for("stopped", timeout=1.0)
    assert stopped - asked < 0.2
    assert player.played[-1].ended is not None and player.played[-1].ended - asked < 0.2
    assert not player.played[-1].completed
    count = len(player.played)
    time.sleep(0.4)
    assert len(player.played) == count  # nothing more was played
    assert ("finished", 1) not in recorder.kinds() and ("done", None) not in recorder.kinds()
    assert not speaker.speaking


def test_pause_holds_the_sentence_and_resume_finishes_it(reading) -> None:
    speaker, player, recorder = reading
    player.speed = 1.0
    speaker.speak(SENTENCES[:1])
    recorder.wait_for("started", 0)
    time.sleep(0.2)
    speaker.pause()
    assert speaker.paused
    time.sleep(0.8)
    assert ("finished", 0) not in recorder.kinds()
    speaker.resume()
    recorder.wait_for("done", timeout=10)
    played = player.played[0]
    assert played.completed and played.ended - played.started >= played.seconds + 0.7


def test_new_reading_replaces_the_old_one_in_order(reading) -> None:
    speaker, player, recorder = reading
    player.speed = 1.0
    speaker.speak(SENTENCES)
    recorder.wait_for("started", 0)
    speaker.speak(SENTENCES, start=4)  # "next paragraph" while reading
    recorder.wait_for("done")
    assert recorder.kinds() == [("started", 0), ("stopped", 0), ("started", 4), ("finished", 4), ("done", None)]


def test_faster_rate_plays_shorter_audio(reading) -> None:
    speaker, player, recorder = reading
    speaker.set_rate(130)
    speaker.speak(SENTENCES[3:4])
    recorder.wait_for("done")
    speaker.set_rate(330)
    speaker.speak(SENTENCES[3:4])
    recorder.wait_for("done", timeout=10) and time.sleep(0.05)
    speaker.wait(10)
    slow, fast = player.played[0].seconds, player.played[-1].seconds
    assert len(player.played) == 2 and fast < 0.7 * slow


def test_voices_are_listed(reading) -> None:
    speaker, _, _ = reading
    voices = speaker.voices()
    assert voices and any("en" in v.id for v in voices)


# -- no engine -------------------------------------------------------------------------------


def test_no_engine_gives_one_clear_message(tmp_path: Path) -> None:
    recorder = Recorder()
    speaker = choose_speaker("espeak", player=FilePlayer(tmp_path), driver="no_such_driver", on_event=recorder)
    assert not speaker.available and speaker.name == "none"
    assert speaker.message.startswith(INSTALL_HINT)
    speaker.speak(["Hello."])  # harmless: says why, once, as an error event
    assert recorder.kinds() == [("error", None)] and recorder.events[0][1].message == speaker.message
    speaker.stop()
    speaker.close()
    with pytest.raises(SpeechUnavailable, match="sudo apt-get install espeak-ng"):
        choose_speaker("espeak", player=FilePlayer(tmp_path), driver="no_such_driver", required=True)


def test_no_audio_device_is_explained() -> None:
    player, why = find_audio_player()
    if player is not None:
        pytest.skip(f"this machine has an audio player ({player.name})")
    speaker = choose_speaker("auto")
    assert not speaker.available and speaker.message == why and "export" in why


# Plain words (no numbers or abbreviations that say more words than they write), so the words
# heard are the words counted.
PROSE = (
    "The committee considered the report on the highways budget and agreed the recommendations "
    "set out in the appendix. Members asked officers to report back on the winter maintenance "
    "programme at the next meeting of the committee. The chair thanked the officers for their work "
    "on the report and asked that the public be told about the changes to the bus routes before "
    "the summer. Members agreed to visit the depot in the spring and to meet the staff there."
)


@pytest.mark.parametrize("rate", [MIN_RATE, 90, 100, 120, 170, 270, 350, MAX_RATE])
def test_the_rate_said_is_the_rate_heard(tmp_path: Path, rate: int) -> None:
    """The words a minute the app says (the setting) against the words a minute of the real
    espeak-ng audio, from the WAV's length: within 8%, from the lowest rate memberdesk offers
    (below espeak-ng's own floor, so said with a pause between words) to the highest."""
    wav = tmp_path / "prose.wav"
    export_pages([PROSE], wav, settings=SpeechSettings(rate=rate))
    seconds, _rms, _params = wav_facts(wav)
    heard = len(PROSE.split()) / seconds * 60
    print(f"\nsetting {rate} words a minute: heard {heard:.0f} ({seconds:.2f} s for {len(PROSE.split())} words)")
    assert heard == pytest.approx(rate, rel=0.08)

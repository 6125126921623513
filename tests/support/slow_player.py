"""A stand-in audio player for tests on machines with no sound card.

Run as `python slow_player.py FILE.wav`: plays nothing, but takes as long as the WAV lasts
(times $SLOW_PLAYER_SPEED), like a real player, and appends the file's path to
$SLOW_PLAYER_LOG. Used through $MEMBERDESK_AUDIO_PLAYER, the way a person would name
their own player.
"""

from __future__ import annotations

import os
import sys
import time
import wave

with wave.open(sys.argv[-1], "rb") as wav:
    seconds = wav.getnframes() / float(wav.getframerate())
log = os.environ.get("SLOW_PLAYER_LOG")
if log:
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(sys.argv[-1] + "\n")
time.sleep(seconds * float(os.environ.get("SLOW_PLAYER_SPEED", "1")))

"""The first run in plain mode: the same three questions as the app, one at a time, each
answered with a line (Enter alone skips it). Works through a pipe and with any screen reader."""

from __future__ import annotations

import sys
from typing import TextIO

from memberdesk.library import Library
from memberdesk.model import Council
from memberdesk.sources.errors import SourceError
from memberdesk.sync import first_run
from memberdesk.sync.directory import DirectoryError
from memberdesk.sync.syncer import Syncer
from memberdesk.words import plural


class PlainSetup:
    def __init__(self, library: Library, out: TextIO = sys.stdout, inp: TextIO = sys.stdin) -> None:
        self.library = library
        self.home = library.home
        self.out = out
        self.inp = inp

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def ask(self, question: str) -> str | None:
        """One answer; None at the end of the input (a pipe that ran dry skips the rest)."""
        self.out.write(f"{question} ")
        self.out.flush()
        line = self.inp.readline()
        if not line:
            self.say()
            return None
        return line.strip()

    def run(self) -> int:
        self.say("Setting up memberdesk: three questions. Press Enter alone to skip any of them; F3 in the app")
        self.say("or 'memberdesk setup' asks them again, and every answer can be changed later.")
        try:
            self.reading()
            council = self.council()
            if council is not None:
                self.committees(council)
        finally:
            first_run.finish(self.home)
        self.say("Set-up finished. Type h and Enter for every command.")
        return 0

    # -- 1: how to read ----------------------------------------------------------------------
    def reading(self) -> None:
        choices = first_run.reading_choices(self.home)
        self.say("Question 1 of 3: how would you like to read?")
        for n, choice in enumerate(choices, start=1):
            self.say(f"{n}. {choice.words}")
        while True:
            answer = self.ask("Type a number and Enter (Enter alone skips):")
            if not answer:
                self.say("Skipped: the standard profile stays.")
                return
            if answer.isdigit() and 1 <= int(answer) <= len(choices):
                self.say(first_run.keep_reading(self.home, choices[int(answer) - 1]))
                return
            self.say(f"'{answer}' is not one of the numbers 1 to {len(choices)}.")

    # -- 2: the council ------------------------------------------------------------------------
    def council(self) -> Council | None:
        self.say("Question 2 of 3: your council.")
        while True:
            answer = self.ask("Type its name, or paste any address from its website (Enter alone skips):")
            if not answer:
                self.say("Skipped: no council. The demo pack stays; 'memberdesk council add URL' adds one later.")
                return None
            try:
                sites = first_run.councils_for(answer, self.home)
            except (DirectoryError, ValueError) as exc:
                self.say(f"{exc}.")
                continue
            if not sites:
                self.say(
                    f"No council called '{answer}' in memberdesk's list: try part of the name, or paste its address."
                )
                continue
            site = sites[0]
            if len(sites) > 1:
                for n, candidate in enumerate(sites[:20], start=1):
                    self.say(f"{n}. {first_run.site_words(candidate)}")
                pick = self.ask(
                    f"Type the number of your council, 1 to {min(len(sites), 20)} (Enter alone: none of these):"
                )
                if not pick or not pick.isdigit() or not 1 <= int(pick) <= min(len(sites), 20):
                    continue
                site = sites[int(pick) - 1]
            self.say(f"Checking {first_run.site_words(site)}...")
            try:
                with Syncer(self.library) as syncer:
                    council, said = first_run.check_council(syncer, site)
            except (SourceError, ValueError) as exc:
                self.say(f"That site could not be read as a ModernGov site: {exc}. Try another name or address.")
                continue
            self.say(f"{said}.")
            return council

    # -- 3: committees, then the first sync ----------------------------------------------------
    def committees(self, council: Council) -> None:
        with Syncer(self.library) as syncer:
            committees = first_run.committees_of(syncer, council)
            if not committees:
                self.say(f"{council.name} lists no committees yet: 'memberdesk committees' asks again later.")
                return
            self.say(f"Question 3 of 3: which committees do you sit on? {council.name} lists {len(committees)}:")
            for n, committee in enumerate(committees, start=1):
                self.say(f"{n}. {committee.title}")
            while True:
                answer = self.ask("Type their numbers with spaces between, e.g. 1 3 (Enter alone skips):")
                if not answer:
                    self.say("Skipped: no committee followed. 'memberdesk follow' or c in the app follows later.")
                    return
                numbers = answer.replace(",", " ").split()
                if all(n.isdigit() and 1 <= int(n) <= len(committees) for n in numbers):
                    break
                self.say(f"Use the numbers 1 to {len(committees)}, with spaces between.")
            chosen = [committees[int(n) - 1] for n in dict.fromkeys(numbers)]
            self.say(f"Following {', '.join(c.title for c in chosen)}. Fetching their papers:")
            report = first_run.follow_and_sync(syncer, council, [c.id for c in chosen], self.say)
        for failure in report.failures[:5]:
            self.say(f"Could not fetch {failure}")
        self.say(f"{plural(len(chosen), 'committee')} followed. 'memberdesk next' says what is next and what is new.")

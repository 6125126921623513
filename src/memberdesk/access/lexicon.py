"""The pronunciation lexicon: how council words are said aloud ("Cllr" -> "Councillor").

The built-in lexicon lives in assets/lexicon.toml (see the comments there for the rules);
a profile may carry extra words, merged over it with Lexicon.merged(). Applying a lexicon
changes only the text sent to the synthesiser, never the text shown or highlighted.

Matching is whole-word and case-aware: "SEND" (the acronym) is spelt out, "send" is not.
All word entries are replaced in a single regex pass, so a replacement is never itself
replaced again ("Cllr" -> "Councillor" cannot then be touched by another entry).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from memberdesk.config import assets_dir


class LexiconError(ValueError):
    """A lexicon file or a profile's extra words cannot be used; the message says why."""


def spell(acronym: str) -> str:
    """'LCC' -> 'L C C'. A is written 'eh': espeak-ng reads a lone 'A' as the article."""
    return " ".join("eh" if ch in "Aa" else ch.upper() for ch in acronym if ch.isalnum())


@dataclass(frozen=True)
class Lexicon:
    words: Mapping[str, str] = field(default_factory=dict)
    acronyms: tuple[str, ...] = ()
    patterns: tuple[tuple[str, str], ...] = ()  # (regex, replacement) applied first

    def merged(self, extra: Mapping[str, str] | None) -> Lexicon:
        """A new lexicon with `extra` words added (they win over built-in ones).

        `extra` is what a profile carries, e.g. {"Kirklees": "Kirk leez", "BTLS": "B T L S"}.
        """
        if not extra:
            return self
        _check_words(extra, "the profile's lexicon")
        words = dict(self.words)
        words.update(extra)
        # An extra entry for an acronym replaces its spelling.
        acronyms = tuple(a for a in self.acronyms if a not in extra)
        return Lexicon(words, acronyms, self.patterns)

    def apply(self, text: str) -> str:
        """The text as it should be spoken."""
        for regex, replacement in self._patterns:
            text = regex.sub(replacement, text)
        if self._word_regex is None:
            return text
        return self._word_regex.sub(self._replace, text)

    # -- compiled forms --------------------------------------------------------------

    @cached_property
    def _patterns(self) -> list[tuple[re.Pattern[str], str]]:
        return [(re.compile(p), r) for p, r in self.patterns]

    @cached_property
    def _table(self) -> tuple[dict[str, str], dict[str, str]]:
        """(exact lookup, lower-case lookup) keyed by the word without a trailing dot."""
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        for acronym in self.acronyms:
            exact[acronym] = spell(acronym)
            exact[acronym + "s"] = spell(acronym) + "'s"
        for key, value in self.words.items():
            base = key[:-1] if key.endswith(".") and len(key) > 1 else key
            if base == base.lower():
                folded[base.lower()] = value
            else:
                exact[base] = value
                exact[base.upper()] = value
        return exact, folded

    @cached_property
    def _word_regex(self) -> re.Pattern[str] | None:
        exact, folded = self._table
        alternatives: list[str] = []
        for form in sorted(set(exact) | set(folded), key=len, reverse=True):
            body = re.escape(form)
            # Entries written with a final dot ("e.g.", "Cllr.") match with or without it.
            dotted = any(k.endswith(".") and k[:-1].lower() == form.lower() for k in self.words)
            if dotted:
                body += r"\.?"
            alternatives.append(f"(?i:{body})" if form in folded and form not in exact else body)
        if not alternatives:
            return None
        return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")

    def _replace(self, match: re.Match[str]) -> str:
        exact, folded = self._table
        found = match.group(0)
        for candidate in (found, found[:-1] if found.endswith(".") else None):
            if candidate is None:
                continue
            if candidate in exact:
                return exact[candidate]
            if candidate.lower() in folded:
                return folded[candidate.lower()]
        return found


def _check_words(words: Mapping[str, object], where: str) -> None:
    for key, value in words.items():
        if not isinstance(key, str) or not key.strip():
            raise LexiconError(f"{where}: an empty word cannot be given a pronunciation")
        if not isinstance(value, str):
            raise LexiconError(f"{where}: '{key}' should be said as text, not {value!r}")


def lexicon_path() -> Path:
    return assets_dir() / "lexicon.toml"


def load_lexicon(path: Path | None = None, extra: Mapping[str, str] | None = None) -> Lexicon:
    """The lexicon from `path` (the built-in one by default), with `extra` words merged."""
    path = path or lexicon_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read ({exc}); fix or restore the file") from exc
    words = data.get("words", {})
    if not isinstance(words, dict):
        raise LexiconError(f'{path}: [words] should be a table of word = "how to say it"')
    _check_words(words, str(path))
    acronyms = data.get("spell", {}).get("acronyms", [])
    if not isinstance(acronyms, list) or not all(isinstance(a, str) and a for a in acronyms):
        raise LexiconError(f"{path}: [spell] acronyms should be a list of words")
    patterns: list[tuple[str, str]] = []
    for n, entry in enumerate(data.get("pattern", []), 1):
        try:
            regex, say = entry["match"], entry["say"]
            re.compile(regex)
        except (KeyError, TypeError, re.error) as exc:
            raise LexiconError(f"{path}: pattern {n} is not usable ({exc})") from exc
        patterns.append((regex, say))
    return Lexicon(dict(words), tuple(acronyms), tuple(patterns)).merged(extra)


def apply_all(lexicon: Lexicon | None, texts: Iterable[str]) -> list[str]:
    return [lexicon.apply(t) if lexicon else t for t in texts]

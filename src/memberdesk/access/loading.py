"""Reading, validating and writing profile files.

Every problem in a file is reported at once, each naming the file, the line and the key,
with a hint where we can guess the intent (a typo'd key gets "did you mean ...?"). A file
may set only some keys: it starts from the built-in named by `based_on` (default
"standard") and overrides. Files are written atomically (temp file, then os.replace).
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memberdesk import config
from memberdesk.access import keymap, toml_lines
from memberdesk.access.bindings import BINDINGS
from memberdesk.access.colours import ColourError, parse_colour
from memberdesk.access.profile import (
    NAME_PATTERN,
    SAME_AS_BACKGROUND,
    SCHEMA,
    SECTIONS,
    Profile,
    Rule,
    from_dict,
    to_dict,
)
from memberdesk.files import write_atomically

DEFAULT_BASE = "standard"


@dataclass(frozen=True)
class Problem:
    source: str
    message: str
    key: str = ""  # dotted, e.g. "colours.background"
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f", line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ProfileError(ValueError):
    """A profile file that cannot be used. `problems` lists each fault; str() has one per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def one(cls, source: str, message: str, key: str = "", line: int | None = None) -> ProfileError:
        return cls([Problem(source, message, key, line)])


NAME_HINT = "use lower-case letters, digits and hyphens, e.g. 'cllr-smith'"


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (datetime.date, datetime.time)):
        return "a date or time"
    return type(value).__name__


def _check_value(rule: Rule, value: Any) -> tuple[Any, str | None]:
    """(normalised value, None) or (None, what is wrong)."""
    shown = f"{value!r} ({_kind_of(value)})"
    if rule.kind == "bool":
        return (value, None) if isinstance(value, bool) else (None, f"should be true or false, not {shown}")
    if rule.kind in ("int", "float"):
        ok_type = isinstance(value, int) or (rule.kind == "float" and isinstance(value, float))
        if isinstance(value, bool) or not ok_type:
            wanted = "a whole number" if rule.kind == "int" else "a number"
            return None, f"should be {wanted}, not {shown}"
        low, high = rule.low, rule.high
        if low is not None and high is not None and not low <= value <= high:
            shown_low, shown_high = (int(low), int(high)) if rule.kind == "int" else (low, high)
            hint = ""
            if rule.kind == "float" and (low, high) == (0.0, 1.0) and 1 < value <= 100 and float(value).is_integer():
                hint = f" (a fraction: {value / 100:g} is {value:g}%)"  # the volume, often written as a percentage
            return None, f"{value} is out of range: use {shown_low} to {shown_high}{hint}"
        return (float(value) if rule.kind == "float" else value), None
    if not isinstance(value, str):
        if rule.kind == "lexicon":
            return None, f'should be a table of word = "how to say it", not {shown}'
        return None, f"should be text in quotes, not {shown}"
    if rule.kind == "choice":
        if value in rule.choices:
            return value, None
        close = difflib.get_close_matches(value, rule.choices, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return None, f"'{value}' is not allowed: {hint}use one of " + ", ".join(f"'{c}'" for c in rule.choices)
    if rule.kind == "name":
        if NAME_PATTERN.match(value):
            return value, None
        return None, f"'{value}' cannot be a profile name: {NAME_HINT}"
    if rule.kind in ("colour", "colour_or_background"):
        if rule.kind == "colour_or_background" and value.strip().lower() == SAME_AS_BACKGROUND:
            return SAME_AS_BACKGROUND, None
        try:
            return parse_colour(value), None
        except ColourError as exc:
            return None, str(exc)
    return value, None  # text


def _unknown_key(key: str, section: str | None) -> str:
    known = list(SCHEMA[section]) + (list(SECTIONS) if section is None else [])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"unknown setting; did you mean '{close[0]}'?"
    homes = [s for s in SECTIONS if key in SCHEMA[s]] + (["(top level)"] if key in SCHEMA[None] else [])
    if homes:
        home = homes[0]
        where = home if home.startswith("(") else f"the [{home}] table"
        return f"unknown setting here; '{key}' belongs in {where}"
    where = "at the top level" if section is None else f"in [{section}]"
    return f"unknown setting {where}; the settings are: " + ", ".join(known)


def _validate(
    data: dict[str, Any], source: str, lines: dict[toml_lines.KeyPath, int]
) -> tuple[dict[str, Any], list[Problem]]:
    """Check every key and value; return the normalised data and the problems found."""
    problems: list[Problem] = []
    clean: dict[str, Any] = {}

    def problem(path: tuple[str, ...], message: str) -> None:
        problems.append(Problem(source, message, ".".join(path), toml_lines.line_of(lines, path)))

    for key, value in data.items():
        if key in SCHEMA[None]:
            checked, error = _check_value(SCHEMA[None][key], value)
            if error:
                problem((key,), error)
            else:
                clean[key] = checked
        elif key == "colours" and value == "terminal":  # shorthand for [colours] palette = "terminal"
            clean[key] = {"palette": "terminal"}
        elif key in SECTIONS:
            if not isinstance(value, dict):
                alternative = ' or "terminal"' if key == "colours" else ""
                problem((key,), f"should be a table ([{key}]){alternative}, not {_kind_of(value)}")
                continue
            clean[key] = _validate_section(key, value, problem)
        else:
            problem((key,), _unknown_key(key, None))
    # A file's [keymap] replaces its base's whole keymap (WHOLE_TABLES), so its clashes are
    # those of its own entries; those left after the faults above are checked too.
    for clash in keymap.find_clashes(clean.get("keymap", {})):
        problem(("keymap", clash.binding_id), clash.message)
    if clean.get("layout", {}).get("justify") is True:
        message = "justified text is not offered (its uneven gaps are hard to read): set false"
        problem(("layout", "justify"), message)
    problems.sort(key=lambda p: p.line or 0)  # in file order, as the reader fixes them
    return clean, problems


def _validate_section(
    section: str, table: dict[str, Any], problem: Callable[[tuple[str, ...], str], None]
) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in table.items():
        path = (section, key)
        if section == "keymap":
            # Every fault of an entry at once: a wrong id and a wrong key are two fixes.
            if unknown := keymap.unknown_id_problem(key):
                problem(path, unknown)
            if not isinstance(value, str):
                problem(path, f"should be a key in quotes such as 'ctrl+n', not {_kind_of(value)}")
                continue
            keys, error = keymap.normalise_keys(value)
            if error:
                problem(path, error)
            elif not unknown:
                clean[key] = keys
            continue
        rule = SCHEMA[section].get(key)
        if rule is None:
            problem(path, _unknown_key(key, section))
        elif rule.kind == "lexicon":
            if not isinstance(value, dict):
                problem(path, f'should be a table of word = "how to say it", not {_kind_of(value)}')
                continue
            words: dict[str, str] = {}
            for word, said in value.items():
                if not word.strip() or not isinstance(said, str) or not said.strip():
                    problem(path + (word,), 'give the word and how to say it as text, e.g. Cllr = "Councillor"')
                else:
                    words[word] = said
            clean[key] = words
        else:
            checked, error = _check_value(rule, value)
            if error:
                problem(path, error)
            else:
                clean[key] = checked
    return clean


# Tables that are one setting each: a file that has one replaces the base's whole table, so
# an exported file (which always writes them, even empty) imports exactly as it was.
WHOLE_TABLES = {("keymap",), ("speech", "lexicon")}


def _merge(base: dict[str, Any], override: dict[str, Any], path: tuple[str, ...] = ()) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        here = path + (key,)
        if isinstance(value, dict) and isinstance(merged.get(key), dict) and here not in WHOLE_TABLES:
            merged[key] = _merge(merged[key], value, here)
        else:
            merged[key] = value
    return merged


MAX_PROBLEMS = 20  # a file with thousands of bad keys is told about the first few and a count


def _at_most(problems: list[Problem], source: str) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(source, f"and {more:,} more problems; fix these first")]


def parse_profile(text: str, source: str, bases: Mapping[str, Profile], default_name: str = "") -> Profile:
    """Validate TOML text and build a Profile, starting from `bases[based_on]`.

    `bases` holds the profiles a file may be based on (usually builtins.builtin_profiles()).
    Raises ProfileError listing every problem.
    """
    try:
        data = config.read_toml(text)
    except (config.TomlLimitError, RecursionError) as exc:
        limit = str(exc) if isinstance(exc, config.TomlLimitError) else "is nested too deeply"
        raise ProfileError([Problem(source, f"{limit}; a profile is a short file of settings")]) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = re.search(r"\(at line (\d+), column (\d+)\)", message)
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        line, column = (int(at.group(1)), int(at.group(2))) if at else (None, None)
        message = f"not valid TOML: {message}; check quotes, '=' and [table] lines"
        raise ProfileError([Problem(source, message, "", line, column)]) from None
    lines = toml_lines.key_lines(text)
    clean, problems = _validate(data, source, lines)
    if problems:
        raise ProfileError(_at_most(problems, source))

    name = clean.get("name") or default_name
    if not NAME_PATTERN.match(name):
        raise ProfileError.one(source, f"'{name}' cannot be a profile name: {NAME_HINT}", "name", lines.get(("name",)))
    based_on = clean.get("based_on", DEFAULT_BASE)
    merged: dict[str, Any] = {}
    if based_on and based_on != name:
        if based_on not in bases:
            choices = ", ".join(sorted(bases)) or "(none available)"
            message = f"'{based_on}' is not a built-in profile: choose one of {choices}"
            raise ProfileError.one(source, message, "based_on", lines.get(("based_on",)))
        merged = to_dict(bases[based_on])
        merged["description"] = ""  # a description describes one profile; it is not inherited
    merged = _merge(merged, clean)
    merged["name"], merged["based_on"] = name, based_on if based_on != name else ""
    optional = ("palette", "warning_background")
    given = merged.get("colours", {})
    missing = [f"colours.{k}" for k in SCHEMA["colours"] if k not in given and k not in optional]
    if missing:
        message = "a profile with no based_on must set every colour; missing: " + ", ".join(missing)
        raise ProfileError.one(source, message, "colours", lines.get(("colours",)))
    return from_dict(merged)


def load_profile(path: str | os.PathLike[str], bases: Mapping[str, Profile]) -> Profile:
    """Read and validate a profile file. Raises ProfileError naming the file, line and key."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > config.MAX_TOML_BYTES and path.is_file():
            message = f"is too large ({size:,} bytes; at most {config.MAX_TOML_BYTES:,}); a profile is a short file"
            raise ProfileError([Problem(str(path), message)])
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError([Problem(str(path), "no such file: check the path and the name")]) from None
    except IsADirectoryError:
        raise ProfileError([Problem(str(path), "is a folder, not a profile file: give the .toml file")]) from None
    except UnicodeDecodeError:
        raise ProfileError([Problem(str(path), "is not a text file (UTF-8): save it as plain text")]) from None
    except OSError as exc:
        raise ProfileError([Problem(str(path), f"cannot be read ({exc.strerror or exc})")]) from None
    return parse_profile(text, str(path), bases, default_name=path.stem)


HEADER = "# memberdesk accessibility profile. Check it with: memberdesk profile check FILE\n"


def profile_to_toml(profile: Profile) -> str:
    """The whole profile as TOML (every setting, so the file stands on its own)."""
    import tomli_w

    text = tomli_w.dumps(to_dict(profile))
    head, marker, keymap_part = text.partition("\n[keymap]\n")
    if not marker:
        return HEADER + text
    # What each binding does, beside its keys (TOML comments; tomli_w writes none itself).
    described = []
    for line in keymap_part.splitlines():
        binding_id = line.split("=", 1)[0].strip().strip('"')
        info = BINDINGS.get(binding_id)
        described.append(f"{line}  # {info.description}" if info and "=" in line else line)
    note = "# binding id = keys (several: 'j,down'); memberdesk profile check FILE finds clashes\n"
    return HEADER + head + marker + note + "\n".join(described) + "\n"


def save_profile(profile: Profile, path: str | os.PathLike[str]) -> Path:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    return write_atomically(path, profile_to_toml(profile))

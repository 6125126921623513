"""Where things live: the library folder, the settings file, and the bundled assets.

The library home holds everything that belongs to one reader: the SQLite database, the
original PDFs, settings.toml and the user's own profiles. `--library DIR` or
MEMBERDESK_HOME choose another home; otherwise the platform's user data folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "memberdesk"
HOME_ENV = "MEMBERDESK_HOME"
PROFILE_ENV = "MEMBERDESK_PROFILE"


def library_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: the explicit choice, else MEMBERDESK_HOME, else the user data dir."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def assets_dir() -> Path:
    """The bundled assets (demo pack, built-in profiles, lexicon), installed or in a checkout."""
    installed = Path(__file__).parent / "assets"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "assets"


def demo_pack() -> Path:
    return assets_dir() / "demo" / "demo-agenda-pack.pdf"


@dataclass
class Settings:
    """The settings file (settings.toml in the library home). Unknown keys are kept as they are."""

    profile: str = "standard"
    double_sided: bool = True
    yearly_sheet_target: int = 1000
    ocr: str = "auto"  # "auto": scanned pages are read by OCR after import; "off": never
    ocr_languages: str = "eng"  # tesseract's language names, "+" between them: "eng+cym"
    calendar: str = ""  # where `memberdesk calendar --to` wrote the .ics: sync writes it again
    read_aloud: bool = False  # the first run's "Read aloud to me": papers are read aloud as they open
    extra: dict[str, object] = field(default_factory=dict)

    KNOWN = ("profile", "double_sided", "yearly_sheet_target", "ocr", "ocr_languages", "calendar", "read_aloud")
    CHOICES = {"ocr": ("auto", "off")}


class SettingsError(ValueError):
    """The settings file cannot be read; the message names the file and what to do."""


# -- TOML written by a person: bounded before it is parsed ---------------------------------
# tomllib is recursive (deep nesting: RecursionError) and slow on long dotted keys
# (quadratic: a 100,000-part key takes minutes), so the text is measured first.
MAX_TOML_BYTES = 512 * 1024
MAX_TOML_DEPTH = 16  # tables within tables, lists within lists, dotted parts of one key
MAX_TOML_KEYS = 10_000


class TomlLimitError(ValueError):
    """A TOML file beyond what memberdesk reads; the message says which limit and what to do."""


def read_toml(text: str) -> dict[str, object]:
    """tomllib.loads, refusing first what is too large, too deep or has too many keys.
    Raises TomlLimitError, or tomllib.TOMLDecodeError for text that is not TOML."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_TOML_BYTES:
        raise TomlLimitError(f"is too large ({size:,} bytes; at most {MAX_TOML_BYTES:,}); it is not a settings file")
    deepest = _nesting(text)
    if deepest > MAX_TOML_DEPTH:
        raise TomlLimitError(f"is nested too deeply ({deepest} levels; at most {MAX_TOML_DEPTH})")
    data = tomllib.loads(text)
    count = _count_keys(data)
    if count > MAX_TOML_KEYS:
        raise TomlLimitError(f"has too many keys ({count:,}; at most {MAX_TOML_KEYS:,})")
    return data


def _nesting(text: str) -> int:
    """The deepest nesting of brackets, or dotted parts of one key, outside strings and comments."""
    deepest = depth = 0
    dots = 0  # dots in the key part of the current line
    quote = ""
    before_value = True  # still in a line's key (or table header), before its '='
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if text.startswith(quote, i):
                i += len(quote)
                quote = ""
                continue
            if ch == "\n" and len(quote) == 1:
                quote = ""  # an unclosed string: tomllib will say so
        elif ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(quote)
            continue
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch == "." and before_value:
            dots += 1
            deepest = max(deepest, dots + 1)
        elif ch == "=":
            before_value = False
        elif ch == "\n":
            before_value, dots = depth == 0, 0
        i += 1
    return deepest


def _count_keys(value: object) -> int:
    count, stack = 0, [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            count += len(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def settings_path(home: Path) -> Path:
    return home / "settings.toml"


def load_settings(home: Path) -> Settings:
    path = settings_path(home)
    if not path.exists():
        return Settings()
    try:
        if path.stat().st_size > MAX_TOML_BYTES:
            raise TomlLimitError(f"is too large ({path.stat().st_size:,} bytes; at most {MAX_TOML_BYTES:,})")
        data = read_toml(path.read_text(encoding="utf-8"))
    except TomlLimitError as exc:
        raise SettingsError(f"{path}: {exc}; fix or delete the file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot be read ({exc}); fix or delete the file") from exc
    settings = Settings()
    for key, value in data.items():
        if key in Settings.KNOWN:
            expected = type(getattr(settings, key))
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise SettingsError(f"{path}: '{key}' should be {expected.__name__}, not {value!r}; fix the file")
            choices = Settings.CHOICES.get(key)
            if choices and value not in choices:
                raise SettingsError(
                    f"{path}: '{key}' should be one of {', '.join(choices)}, not {value!r}; fix the file"
                )
            setattr(settings, key, value)
        else:
            settings.extra[key] = value
    return settings


def save_settings(home: Path, settings: Settings) -> None:
    """Write settings atomically, so a crash never leaves half a file."""
    import tomli_w

    data: dict[str, object] = dict(settings.extra)
    for key in Settings.KNOWN:
        data[key] = getattr(settings, key)
    from memberdesk.files import write_atomically

    write_atomically(settings_path(home), tomli_w.dumps(data))

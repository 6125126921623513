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
    extra: dict[str, object] = field(default_factory=dict)

    KNOWN = ("profile", "double_sided", "yearly_sheet_target", "ocr", "ocr_languages", "calendar")
    CHOICES = {"ocr": ("auto", "off")}


class SettingsError(ValueError):
    """The settings file cannot be read; the message names the file and what to do."""


def settings_path(home: Path) -> Path:
    return home / "settings.toml"


def load_settings(home: Path) -> Settings:
    path = settings_path(home)
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
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

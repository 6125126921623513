"""The built-in profiles shipped in assets/profiles, loaded once per process in picker order."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from memberdesk import config
from memberdesk.access.loading import ProfileError, load_profile
from memberdesk.access.profile import Profile

# The order a picker shows them in; any other built-in file follows alphabetically.
BUILTIN_ORDER = (
    "standard",
    "high-contrast-dark",
    "high-contrast-light",
    "yellow-on-black",
    "dyslexia",
    "colour-blind-safe",
    "large-layout",
    "large-high-contrast",
    "screen-reader",
)


def builtin_dir() -> Path:
    return config.assets_dir() / "profiles"


@functools.cache
def _builtins_in(folder: Path) -> dict[str, Profile]:
    files = {path.stem: path for path in sorted(folder.glob("*.toml"))}
    loaded: dict[str, Profile] = {}

    def load(stem: str, chain: tuple[str, ...]) -> None:
        if stem in loaded:
            return
        try:
            base = tomllib.loads(files[stem].read_text(encoding="utf-8")).get("based_on", "standard")
        except tomllib.TOMLDecodeError:
            base = ""  # load_profile below reports it properly
        if base and base != stem and base in files:
            if base in chain:
                circle = " -> ".join(chain + (base,))
                raise ProfileError.one(str(files[stem]), f"based_on goes round in a circle: {circle}", "based_on")
            load(base, chain + (base,))
        profile = load_profile(files[stem], bases=loaded)
        if profile.name != stem:
            raise ProfileError.one(str(files[stem]), f"a built-in's name must match its file name ('{stem}')", "name")
        loaded[stem] = profile

    for stem in files:
        load(stem, (stem,))
    order = {name: i for i, name in enumerate(BUILTIN_ORDER)}
    return dict(sorted(loaded.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def builtin_profiles(folder: Path | None = None) -> dict[str, Profile]:
    """name -> Profile for every built-in, in picker order. Loaded once per process."""
    return dict(_builtins_in((folder or builtin_dir()).resolve()))

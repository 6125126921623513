"""The profiles on this machine: built-ins shipped in assets/profiles, and the user's own in
<library home>/profiles. List them, get one by name, import a file (validated first), export
one, save an edited one. A built-in name is never overwritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from memberdesk.access.builtins import builtin_dir, builtin_profiles
from memberdesk.access.loading import NAME_HINT, Problem, ProfileError, load_profile, save_profile
from memberdesk.access.profile import NAME_PATTERN, Profile


class ProfileNotFound(LookupError):
    """No profile by that name; the message lists the names there are."""

    def __str__(self) -> str:  # LookupError would show the message quoted
        return str(self.args[0])


class ProfileExists(ProfileError):
    """An import whose name is already one of the user's profiles (and no --replace)."""


@dataclass(frozen=True)
class ProfileEntry:
    name: str
    description: str
    builtin: bool
    path: Path
    problem: str | None = None  # a user file that no longer loads: listed, with why


class ProfileRegistry:
    def __init__(self, home: str | os.PathLike[str], builtin_folder: Path | None = None) -> None:
        self.user_dir = Path(home) / "profiles"
        self._builtin_folder = builtin_folder or builtin_dir()

    @property
    def builtins(self) -> dict[str, Profile]:
        return builtin_profiles(self._builtin_folder)

    def is_builtin(self, name: str) -> bool:
        return name in self.builtins

    def _user_files(self) -> dict[str, Path]:
        if not self.user_dir.is_dir():
            return {}
        return {p.stem: p for p in sorted(self.user_dir.glob("*.toml")) if p.stem not in self.builtins}

    def entries(self) -> list[ProfileEntry]:
        """Built-ins first (picker order), then the user's profiles by name."""
        rows = [
            ProfileEntry(p.name, p.description, True, self._builtin_folder / f"{p.name}.toml")
            for p in self.builtins.values()
        ]
        for stem, path in self._user_files().items():
            try:
                profile = load_profile(path, bases=self.builtins)
                rows.append(ProfileEntry(stem, profile.description, False, path))
            except ProfileError as exc:
                rows.append(ProfileEntry(stem, "", False, path, problem=str(exc.problems[0])))
        return rows

    def names(self) -> list[str]:
        return [entry.name for entry in self.entries()]

    def get(self, name: str) -> Profile:
        """The profile called `name`. ProfileNotFound lists the names; ProfileError if its file is bad."""
        if name in self.builtins:
            return self.builtins[name]
        path = self._user_files().get(name)
        if path is None:
            raise ProfileNotFound(f"no profile called '{name}'; the profiles are: {', '.join(self.names())}")
        profile = load_profile(path, bases=self.builtins)
        # The file name is the profile's name in this folder, whatever the file says inside.
        return profile if profile.name == name else _renamed(profile, name)

    def save(self, profile: Profile) -> Path:
        """Store a user profile as <name>.toml (the editor's "save"). Built-in names are refused."""
        if not NAME_PATTERN.match(profile.name):
            raise ValueError(f"'{profile.name}' cannot be a profile name: {NAME_HINT}")
        if profile.name in self.builtins:
            raise ValueError(
                f"'{profile.name}' is a built-in profile; save under another name, e.g. '{profile.name}-own'"
            )
        return save_profile(profile, self.user_dir / f"{profile.name}.toml")

    def import_file(self, path: str | os.PathLike[str], *, replace: bool = False) -> Profile:
        """Validate a file and store it as a user profile.

        Raises ProfileError (line and key at fault) for an invalid file, for one whose name is
        a built-in's, and (ProfileExists) for one whose name is already a user profile's unless
        `replace`; nothing is stored then.
        """
        profile = load_profile(path, bases=self.builtins)
        if profile.name in self.builtins:
            message = f"'{profile.name}' is a built-in profile; give this one its own name, e.g. name = \"{profile.name}-own\""
            raise ProfileError.one(str(path), message, "name", _line_of_name(Path(path)))
        existing = self._user_files().get(profile.name)
        if existing is not None and not replace:
            message = f"'{profile.name}' is already one of your profiles ({existing}): add --replace to replace it"
            raise ProfileExists([Problem(str(path), message, "name", _line_of_name(Path(path)))])
        self.save(profile)
        return profile

    def export(self, name: str, to: str | os.PathLike[str]) -> Path:
        """Write the whole profile (every setting) to a file, or into a folder as <name>.toml."""
        target = Path(to)
        if target.is_dir():
            target = target / f"{name}.toml"
        return save_profile(self.get(name), target)

    def delete(self, name: str) -> None:
        if name in self.builtins:
            raise ValueError(f"'{name}' is a built-in profile and cannot be deleted")
        path = self._user_files().get(name)
        if path is None:
            raise ProfileNotFound(f"no user profile called '{name}'")
        path.unlink()


def _line_of_name(path: Path) -> int | None:
    """The line of the `name` key, so the refusal points at it like every other problem."""
    from memberdesk.access.toml_lines import key_lines

    try:
        return key_lines(path.read_text(encoding="utf-8")).get(("name",))
    except (OSError, UnicodeDecodeError):
        return None


def _renamed(profile: Profile, name: str) -> Profile:
    from dataclasses import replace

    return replace(profile, name=name)

"""Finding a council's ModernGov site from what a councillor types: its name (looked up in the
list shipped as assets/councils.toml, with its sources, and in councils.toml in the library
folder, where support staff may add their own), or any address from the council's website.

Nothing here is trusted blindly: the first run checks the site found (following.add_council)
before it is used.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from memberdesk import config
from memberdesk.sources.urls import normalise_base

LOCAL_FILE = "councils.toml"  # in the library folder: a deployment's own councils
_FILLER = {"council", "borough", "district", "county", "city", "of", "the", "and", "metropolitan", "royal", "&"}


@dataclass(frozen=True)
class Site:
    name: str
    url: str
    source: str = ""


class DirectoryError(ValueError):
    """A councils file cannot be read; the message names it and what to do."""


def _load(path: Path) -> list[Site]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DirectoryError(f"{path}: cannot be read ({exc}); fix or delete the file") from exc
    sites = []
    for n, entry in enumerate(data.get("council", []), start=1):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("name"), str)
            or not isinstance(entry.get("url"), str)
        ):
            raise DirectoryError(f'{path}: council {n} needs a name and a url, e.g. name = "...", url = "https://..."')
        sites.append(Site(entry["name"], normalise_base(entry["url"]), str(entry.get("source", path.name))))
    return sites


def directory(home: Path | None = None) -> list[Site]:
    """Every council known by name: the library folder's own file first, then the shipped list."""
    sites: list[Site] = []
    if home is not None and (home / LOCAL_FILE).is_file():
        sites.extend(_load(home / LOCAL_FILE))
    sites.extend(_load(config.assets_dir() / "councils.toml"))
    return sites


def looks_like_address(text: str) -> bool:
    text = text.strip()
    return "://" in text or (" " not in text and "." in text and not text.endswith("."))


def site_address(text: str) -> str:
    """A ModernGov site's base from any of its addresses: a pasted agenda or paper link loses
    its page ("/ieListDocuments.aspx?...", "/documents/s123/x.pdf", "/mgWebService.asmx")."""
    base = normalise_base(text)
    parts = urlsplit(base)
    path = re.split(r"/(?:documents|mgConvert2PDF|[^/]+\.(?:aspx|asmx|htm|html|pdf)(?:/|$))", parts.path, maxsplit=1)
    return urlunsplit((parts.scheme, parts.netloc, path[0].rstrip("/"), "", ""))


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower().replace("st.", "st")) if w not in _FILLER]


def find_sites(text: str, home: Path | None = None) -> list[Site]:
    """The councils a name or an address fits, best first. An address that is not in the list
    is returned as it is (the site check says whether it is a ModernGov site)."""
    known = directory(home)
    if looks_like_address(text):
        base = site_address(text)
        host = urlsplit(base).netloc.lower()
        same = [s for s in known if urlsplit(s.url).netloc.lower() == host]
        if same:
            return same
        # The council's main website ("www.kent.gov.uk/..."): its ModernGov site shares the domain.
        domain = host.removeprefix("www.")
        related = [s for s in known if urlsplit(s.url).netloc.lower().endswith("." + domain)]
        return related or [Site("", base, "the address typed")]
    wanted = _words(text)
    if not wanted:
        return []
    found = []
    for site in known:
        words = _words(site.name)
        if all(any(w.startswith(part) for w in words) for part in wanted):
            exact = words == wanted
            found.append((not exact, len(words), site.name.lower(), site))
    return [entry[-1] for entry in sorted(found, key=lambda e: e[:3])]

"""Web addresses from council pages: made absolute, made safe to request, compared fairly."""

from __future__ import annotations

from urllib.parse import quote, urljoin, urlsplit, urlunsplit

# Characters left alone when quoting a path or query: what is already legal, plus "%"
# so an address that is already quoted is not quoted twice.
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"


def normalise_base(base_url: str) -> str:
    """A council's base address: scheme added (https), no trailing slash (a doubled slash
    before mgWebService.asmx fails on some installs), no query or fragment."""
    base = base_url.strip()
    if "://" not in base:
        base = "https://" + base
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not a web address: {base_url!r}")
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def absolute_url(page_url: str, href: str) -> str:
    """href (as written in a page: relative, with spaces...) as an absolute, quoted URL."""
    joined = urljoin(page_url, href.strip())
    parts = urlsplit(joined)
    return urlunsplit(
        (parts.scheme, parts.netloc, quote(parts.path, safe=_SAFE_PATH), quote(parts.query, safe=_SAFE_QUERY), "")
    )


def url_key(url: str) -> str:
    """What two links must share to be the same document (host case and fragments ignored)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def same_site(url: str, base_url: str) -> bool:
    return urlsplit(url).netloc.lower() == urlsplit(base_url).netloc.lower()

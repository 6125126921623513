"""Which line of a TOML file a key is on, so a validation message can say "line 12".

tomllib gives values, not positions, so we scan the text ourselves: table headers set the
current table, `key = value` lines record (table..., key) -> line. Multi-line strings and
arrays are skipped so their contents are never taken for keys. It only has to be right for
files tomllib has already accepted, which keeps it small.
"""

from __future__ import annotations

KeyPath = tuple[str, ...]


def _split_key(text: str) -> KeyPath:
    """'a."b.c" . d' -> ('a', 'b.c', 'd'): dotted keys, quotes respected."""
    parts: list[str] = []
    current: list[str] = []
    quote: str | None = None
    for ch in text:
        if quote:
            if ch == quote:
                quote = None
            else:
                current.append(ch)
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return tuple(parts)


def _key_part(line: str) -> str | None:
    """The text before the first '=' outside quotes, or None if the line has no '='."""
    quote: str | None = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "=":
            return line[:i]
    return None


def _bracket_balance(text: str) -> int:
    depth = 0
    quote: str | None = None
    for ch in text:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    return depth


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map every table and key path in a TOML document to its 1-based line number."""
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    closing: str | None = None  # the delimiter of a multi-line string we are inside
    depth = 0  # open brackets of a multi-line array / inline table
    for number, raw in enumerate(text.splitlines(), start=1):
        if closing:
            if closing in raw:
                closing = None
            continue
        if depth > 0:
            depth += _bracket_balance(raw)
            continue
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            header = line.lstrip("[").split("]")[0]
            table = _split_key(header)
            lines.setdefault(table, number)
            continue
        key = _key_part(line)
        if key is None:
            continue
        path = table + _split_key(key)
        for end in range(len(table) + 1, len(path) + 1):
            lines.setdefault(path[:end], number)
        value = line[len(key) + 1 :].strip()
        for delimiter in ('"""', "'''"):
            if value.startswith(delimiter) and value.count(delimiter) == 1:
                closing = delimiter
        if not closing:
            depth = _bracket_balance(value)
    return lines


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of `path`, else of its nearest enclosing table or key, else None."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None

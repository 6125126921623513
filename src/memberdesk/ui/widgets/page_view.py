"""One page of a paper, reflowed to the window and drawn line by line (Textual's Line API).

Only the lines on screen are rendered, from a cache, so a long page or a huge pack costs the
same. The view has a reading line (the cursor): arrow keys move it, the terminal cursor sits
on it for screen readers, and the reading ruler dims the rest. Highlights (search hits, the
sentence being read aloud) are spans of paragraph text, so they survive re-wrapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from memberdesk.access.profile import Layout
from memberdesk.papers.reflow import Line, Paragraph, wrap
from memberdesk.ui.cursor import place_cursor

GUTTER = 2  # columns left of the text: the reading-line marker sits here


@dataclass(frozen=True)
class Highlight:
    paragraph: int
    start: int
    end: int
    kind: str = "hit"  # "hit", "current-hit" or "speech"


class PageView(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "line_down", "Next line", id="page.line_down"),
        Binding("up,k", "line_up", "Previous line", id="page.line_up"),
        Binding("pagedown,space", "screen_down", "Next screen", id="page.screen_down"),
        Binding("pageup,b", "screen_up", "Previous screen", id="page.screen_up"),
        Binding("ctrl+home", "page_top", "Top of page", id="page.top"),
        Binding("ctrl+end", "page_bottom", "Bottom of page", id="page.bottom"),
    ]
    COMPONENT_CLASSES = {
        "page-view--heading",
        "page-view--hit",
        "page-view--current-hit",
        "page-view--speech",
        "page-view--dim",
        "page-view--marker",
    }
    DEFAULT_CSS = """
    PageView { height: 1fr; }
    """

    # No repaint of its own: moving the reading line repaints only the rows it changes (see
    # move_to), so a screen reader or a slow link gets two rows, not the whole page.
    cursor_line: reactive[int] = reactive(0, always_update=True, repaint=False)
    follow_profile = True  # take the app's (profile's) layout on mount; a preview sets its own

    class Edge(Message):
        """The reading line tried to leave the page: forwards (+1) or backwards (-1)."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    class Moved(Message):
        """The reading line moved (for the status line and the saved position)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.paragraphs: list[Paragraph] = []
        self.lines: list[Line] = []
        self.highlights: list[Highlight] = []
        self.page_layout = Layout()
        self.placeholder = ""
        self._cache: dict[tuple[int, int], Strip] = {}
        self._pending_line: int | None = None
        self._pending_anchor: tuple[int, int] | None = None
        self._wrapped_for = 0  # the content width the lines were wrapped at (0: not laid out)
        self._rewrap_due = False
        self.cell: tuple[int, int, int] | None = None  # table mode's cell: (line, column, width)

    def on_mount(self) -> None:
        # The active profile's layout: the app keeps it (a PageView outside MemberdeskApp keeps its own).
        layout = getattr(self.app, "page_layout", None)
        if self.follow_profile and isinstance(layout, Layout) and layout != self.page_layout:
            self.set_layout(layout)

    # -- content ---------------------------------------------------------------------------
    def show(self, paragraphs: list[Paragraph], *, line: int = 0, placeholder: str = "") -> None:
        self.paragraphs = paragraphs
        self.placeholder = placeholder
        self.highlights = []
        self._rewrap()
        if not self.size.width:
            # Not laid out yet: wrapping now would be at the wrong width; place the line on resize.
            self._pending_line, self._pending_anchor = line, None
        self.move_to(line)

    def set_layout(self, layout: Layout) -> None:
        anchor = self._anchor()
        self.page_layout = layout
        self._rewrap()
        self.move_to(self._line_for(anchor))

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self.highlights = highlights
        self._cache.clear()
        self.refresh()

    def mark_cell(self, line: int | None, column: int = 0, width: int = 1) -> None:
        """Mark a table cell (table mode, ui/widgets/table_view.py); None clears the mark."""
        old = self.cell
        self.cell = None if line is None else (line, column, width)
        self._refresh_reading_rows(*(c[0] for c in (old, self.cell) if c is not None))

    def line_of(self, paragraph: int, offset: int) -> int:
        return self._line_for((paragraph, offset))

    @property
    def text_width(self) -> int:
        available = self.scrollable_content_region.width - GUTTER - 2 * self.page_layout.margin
        return max(10, min(self.page_layout.max_line_width, available))

    def _rewrap(self) -> None:
        if self.paragraphs:
            self.lines = wrap(
                self.paragraphs,
                self.text_width,
                paragraph_gap=self.page_layout.paragraph_spacing,
                double_spaced=self.page_layout.double_spaced,
            )
        else:
            self.lines = [Line(self.placeholder, -1)] if self.placeholder else []
        self._cache.clear()
        self._wrapped_for = self.scrollable_content_region.width
        width = self.text_width + GUTTER + 2 * self.page_layout.margin
        self.virtual_size = Size(width, len(self.lines))
        self.refresh()

    def _rewrap_at_width(self) -> None:
        self._rewrap_due = False
        if self.scrollable_content_region.width != self._wrapped_for:
            self.on_resize()

    def _anchor(self) -> tuple[int, int]:
        if 0 <= self.cursor_line < len(self.lines):
            line = self.lines[self.cursor_line]
            return (line.paragraph, line.start)
        return (0, 0)

    def _line_for(self, anchor: tuple[int, int]) -> int:
        paragraph, offset = anchor
        best = 0
        for number, line in enumerate(self.lines):
            if line.paragraph == paragraph and line.start <= offset:
                best = number
            elif line.paragraph > paragraph:
                break
        return best

    def on_resize(self) -> None:
        anchor = self._anchor()
        self._rewrap()
        if self._pending_anchor is not None and self.size.width:
            anchor, self._pending_anchor = self._pending_anchor, None
            self.move_to(self._line_for(anchor))
            return
        if self._pending_line is not None and self.size.width:
            line, self._pending_line = self._pending_line, None
            self.move_to(line)
            return
        self.move_to(self._line_for(anchor))

    # -- the reading line ------------------------------------------------------------------
    def move_to(self, line: int, *, top: bool = False) -> None:
        # Asked before the first layout (a search hit to open on): the lines are not yet
        # wrapped for the real width, so the place is kept as text and found once they are.
        waiting = not self.size.width and self._pending_line is not None
        if waiting and line != self._pending_line and 0 <= line < len(self.lines):
            self._pending_anchor = (self.lines[line].paragraph, self.lines[line].start)
            self._pending_line = None
        previous = self.cursor_line
        self.cursor_line = max(0, min(line, len(self.lines) - 1)) if self.lines else 0
        region = Region(0, self.cursor_line, 1, 1)
        # A scroll, when one is needed, repaints the whole view by itself.
        self.scroll_to_region(region, animate=False, top=top, force=True)
        self._refresh_reading_rows(previous, self.cursor_line)
        self.call_after_refresh(self.place_terminal_cursor)
        self.post_message(self.Moved())

    def _refresh_reading_rows(self, *lines: int) -> None:
        """Repaint only the rows whose look depends on where the reading line is: its marker,
        and the rows the reading ruler dims or lights around the old and the new line."""
        rows: set[int] = set()
        for line in lines:
            lit = self._ruler_lines(line) or {line}
            rows.update(range(min(lit), max(lit) + 1))
        for key in [key for key in self._cache if key[0] in rows]:
            del self._cache[key]
        for row in sorted(rows):
            if 0 <= row < len(self.lines):
                self.refresh_line(row)

    def place_terminal_cursor(self) -> None:
        if self.has_focus:
            place_cursor(self, self.cursor_line, GUTTER + self.page_layout.margin)

    # Textual's own focus and blur handlers repaint the whole widget. In screen-reader mode
    # nothing on the page changes with focus (no marker is drawn), and a whole page repainted
    # when the find box or the note line takes focus had Fenrir read rows of it again.
    def _on_focus(self, event: events.Focus) -> None:
        if self.app.has_class("-screen-reader"):
            event.prevent_default()
            self.has_focus = True
            if self.parent is not None:
                self.parent.post_message(events.DescendantFocus(self))
        self.call_after_refresh(self.place_terminal_cursor)

    def focus(self, scroll_visible: bool = True) -> Self:
        if not self.app.has_class("-screen-reader"):
            return super().focus(scroll_visible)
        # Textual's focus() repaints the whole widget first; here nothing changes with focus.
        screen = self.screen
        self.app.call_later(lambda: screen.set_focus(self, scroll_visible=scroll_visible))
        return self

    def _on_blur(self, event: events.Blur) -> None:
        if self.app.has_class("-screen-reader"):
            event.prevent_default()
            self.has_focus = False
            if self.parent is not None:
                self.parent.post_message(events.DescendantBlur(self))

    def _text_line(self, start: int, step: int) -> int | None:
        """The nearest line with text from `start` on, going by `step`: the spacing lines
        between paragraphs are skipped, so the reading line (and a screen reader) is never
        on an empty row."""
        line = start
        while 0 <= line < len(self.lines):
            if self.lines[line].paragraph >= 0:
                return line
            line += step
        return None

    def action_line_down(self) -> None:
        target = self._text_line(self.cursor_line + 1, +1)
        if target is None:
            self.post_message(self.Edge(+1))
        else:
            self.move_to(target)

    def action_line_up(self) -> None:
        target = self._text_line(self.cursor_line - 1, -1)
        if target is None:
            self.post_message(self.Edge(-1))
        else:
            self.move_to(target)

    def action_screen_down(self) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        if self.cursor_line >= len(self.lines) - 1:
            self.post_message(self.Edge(+1))
            return
        target = min(len(self.lines) - 1, self.cursor_line + height)
        self.scroll_to(y=self.scroll_offset.y + height, animate=False, force=True)
        self.move_to(target)

    def action_screen_up(self) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        if self.cursor_line <= 0:
            self.post_message(self.Edge(-1))
            return
        self.scroll_to(y=max(0, self.scroll_offset.y - height), animate=False, force=True)
        self.move_to(max(0, self.cursor_line - height))

    def action_page_top(self) -> None:
        self.move_to(0)

    def action_page_bottom(self) -> None:
        self.move_to(len(self.lines) - 1)

    # -- drawing ---------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.scrollable_content_region.width
        if width != self._wrapped_for:
            # Lines wrapped for another width (before the first layout, a scrollbar coming or
            # going): a row painted now would be a fragment a screen reader speaks. Blank until
            # they are wrapped for this width, which happens before the next paint.
            if not self._rewrap_due:
                self._rewrap_due = True
                self.call_later(self._rewrap_at_width)
            return Strip.blank(width, self.rich_style)
        key = (number, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_text_line(number, width)
            self._cache[key] = strip
        return strip.crop(scroll_x, scroll_x + width)

    def _ruler_lines(self, cursor: int) -> set[int] | None:
        """The rows the reading ruler keeps at full strength around `cursor` (None: no ruler).
        "three" is three lines of text: the blank rows of double spacing and the gaps between
        paragraphs are not counted, so the ruler reaches into the next paragraph."""
        ruler = self.page_layout.ruler
        if ruler == "off":
            return None
        lit = {cursor}
        if ruler == "three":
            for step in (-1, +1):
                near = self._text_line(cursor + step, step)
                if near is not None:
                    lit.add(near)
        return lit

    def _ruler_dims(self, number: int) -> bool:
        lit = self._ruler_lines(self.cursor_line)
        return lit is not None and number not in lit

    def _render_text_line(self, number: int, width: int) -> Strip:
        base = self.rich_style
        if number >= len(self.lines):
            return Strip.blank(width, base)
        line = self.lines[number]
        style = base
        if line.heading:
            style += self.get_component_rich_style("page-view--heading", partial=True)
        if self._ruler_dims(number):
            style += self.get_component_rich_style("page-view--dim", partial=True)
        marker_style = base + self.get_component_rich_style("page-view--marker", partial=True)
        # The reading line is marked by a glyph, not by colour alone. In screen-reader mode the
        # terminal cursor alone marks it: a screen reader speaks every row that changes, so a
        # marker moving off the old line would have the old line read again after each Down.
        # Table mode's cell is marked in every profile.
        reading = number == self.cursor_line and self.has_focus and not self.app.has_class("-screen-reader")
        in_cell = self.cell is not None and self.cell[0] == number
        marker = "\u203a " if reading or in_cell else "  "
        segments = [Segment(" " * self.page_layout.margin, base), Segment(marker, marker_style)]
        if in_cell and self.cell is not None:
            _line, at, size = self.cell  # the cell in reverse video, beside the marker
            text = line.text.ljust(at + size)
            cell_style = style + Style(reverse=True, bold=True)
            segments += [Segment(text[:at], style), Segment(text[at : at + size], cell_style)]
            segments.append(Segment(text[at + size :], style))
        else:
            segments.extend(self._text_segments(line, style))
        return Strip(segments).extend_cell_length(width, base).crop(0, max(width, 1))

    def _text_segments(self, line: Line, style: Style) -> list[Segment]:
        spans = sorted(
            (max(h.start, line.start), min(h.end, line.end), h.kind)
            for h in self.highlights
            if h.paragraph == line.paragraph and h.start < line.end and h.end > line.start
        )
        if not spans or line.paragraph < 0 or line.start == line.end:  # (a table's line: no spans)
            return [Segment(line.text, style)]
        segments: list[Segment] = []
        position = line.start
        for start, end, kind in spans:
            if start > position:
                segments.append(Segment(line.text[position - line.start : start - line.start], style))
            start = max(start, position)
            if end > start:
                mark = style + self.get_component_rich_style(f"page-view--{kind}", partial=True)
                segments.append(Segment(line.text[start - line.start : end - line.start], mark))
                position = end
        if position < line.end:
            segments.append(Segment(line.text[position - line.start :], style))
        return segments

    def notify_style_update(self) -> None:
        # A new theme (a profile switch) restyles the widget: the cached lines still hold the
        # old colours, so drop them all and repaint the whole view at once.
        super().notify_style_update()
        self._cache.clear()
        self.refresh()

    def watch_has_focus(self, focused: bool) -> None:
        if self.app.has_class("-screen-reader"):
            # No marker to draw or take away: repainting the page (when the note line or the
            # find box takes focus) would have a screen reader read rows of it again.
            return
        self._cache.clear()
        self.refresh()

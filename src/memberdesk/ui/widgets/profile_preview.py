"""The editor's live preview: the reader's own PageView, painted in the colours being edited.

The preview cannot use the app's theme (that is the profile in use, and must stay readable
while someone types an unreadable colour), so it builds its Rich styles from the edited
profile directly, the same marks memberdesk.tcss gives the reader.
"""

from __future__ import annotations

from dataclasses import replace

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from memberdesk.access.profile import Layout, Profile
from memberdesk.papers.reflow import Paragraph
from memberdesk.ui.widgets.page_view import GUTTER, Highlight, PageView


def _styles(profile: Profile) -> dict[str, Style]:
    if profile.uses_terminal_palette:
        return {
            "base": Style(),
            "page-view--heading": Style(bold=True),
            "page-view--hit": Style(reverse=True, underline=True),
            "page-view--current-hit": Style(reverse=True, bold=True, underline=True),
            "page-view--speech": Style(reverse=True, bold=True, underline=True),
            "page-view--dim": Style(dim=True),
            "page-view--marker": Style(bold=True),
            "status": Style(reverse=True),
            "selection": Style(reverse=True, bold=True),
            "warning": Style(bold=True),
            "link": Style(underline=True),
        }
    c = profile.colours
    return {
        "base": Style(color=c.text, bgcolor=c.background),
        "page-view--heading": Style(color=c.heading, bold=True),
        "page-view--hit": Style(color=c.highlight_text, bgcolor=c.highlight_background, underline=True, bold=True),
        "page-view--current-hit": Style(
            color=c.selection_text, bgcolor=c.selection_background, bold=True, underline=True
        ),
        "page-view--speech": Style(color=c.highlight_text, bgcolor=c.highlight_background, bold=True, underline=True),
        "page-view--dim": Style(color=c.dim),
        "page-view--marker": Style(color=c.focus, bold=True),
        "status": Style(color=c.status_text, bgcolor=c.status_background),
        "selection": Style(color=c.selection_text, bgcolor=c.selection_background, bold=True),
        "warning": Style(color=c.warning_text, bgcolor=c.resolved("warning_background")),
        "link": Style(color=c.link, bgcolor=c.background, underline=True),
    }


def sample_highlights(paragraphs: list[Paragraph]) -> list[Highlight]:
    """Two search hits on the page (the first is the current one), to show both marks."""
    found: list[Highlight] = []
    for number, paragraph in enumerate(paragraphs):
        if paragraph.heading:
            continue
        start = paragraph.text.find(" the ")
        if start >= 0:
            found.append(Highlight(number, start + 1, start + 4, "current-hit" if not found else "hit"))
        if len(found) == 2:
            break
    return found


class PreviewPageView(PageView):
    follow_profile = False  # its layout is the edited profile's, not the app's

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._styles: dict[str, Style] = {}

    def set_profile(self, profile: Profile, layout: Layout) -> None:
        self._styles = _styles(profile)
        self._wanted = layout
        base = self._styles["base"]
        self.styles.background = base.bgcolor.name if base.bgcolor else "ansi_default"
        self._cache.clear()
        self._fit_layout()
        self.refresh()

    def _fit_layout(self) -> None:
        """The profile's layout, with its margins given up first when the preview is narrower
        than a full line: wide margins in a third of a 100-column screen left one word a line."""
        layout = getattr(self, "_wanted", self.page_layout)
        width = self.scrollable_content_region.width
        if width and width < layout.max_line_width + GUTTER + 2 * layout.margin:
            layout = replace(layout, margin=min(layout.margin, 1))
        if layout != self.page_layout:
            self.set_layout(layout)

    def on_resize(self) -> None:
        self._fit_layout()
        super().on_resize()

    @property
    def rich_style(self) -> Style:
        return self._styles.get("base") or super().rich_style

    def get_component_rich_style(self, *names: str, partial: bool = False, default: Style | None = None) -> Style:
        if self._styles and names and names[0] in self._styles:
            return self._styles[names[0]]
        return super().get_component_rich_style(*names, partial=partial, default=default)


class SampleLines(Static):
    """The other pairs, as the app paints them: status line, a selected row, a warning, a link."""

    def show_profile(self, profile: Profile) -> None:
        styles = _styles(profile)
        text = Text()
        text.append("Status line: Page 4, 7 of 13, Adult Social Care", styles["status"])
        text.append("\n")
        text.append("Selected row: Cabinet, 12 January, 3 papers", styles["selection"])
        text.append("\n")
        text.append("Warning: this paper was updated after you read it", styles["warning"])
        text.append("\n")
        text.append("A link: www.northshire.gov.uk/meetings", styles["link"])
        self.update(text)

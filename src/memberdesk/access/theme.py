"""What the UI layer applies for a profile: the values of a Textual Theme, and app settings.

Pure data, no Textual import (only memberdesk.ui may import it): the UI does
`Theme(**theme_values(profile))`, registers it and sets `app.theme`, and applies
`app_settings(profile)`. Textual's own defaults blend colours with alpha ("auto 87%" text,
30% blurred cursors, hover tints), which would lower the contrast we checked, so every
variable that paints text or an indicator is set here to a checked, opaque colour.

Our own variables, for memberdesk.tcss, all start "md-": md-highlight-foreground,
md-highlight-background, md-highlight-style, md-selection-foreground, md-selection-background,
md-selection-style, md-focus, md-status-foreground, md-status-background,
md-warning-foreground, md-warning-background, md-heading, md-link, md-dim, md-ruler-bright,
md-ruler-dim, md-ruler-dim-style. The ruler dims with a checked colour, never with the
terminal's "dim" attribute (terminals paint it at unknown strength, often below 4.5:1); only
the terminal palette, which has no colour of its own to dim to, uses the attribute.
"""

from __future__ import annotations

from typing import Any

from memberdesk.access.contrast import relative_luminance
from memberdesk.access.profile import Profile

# Below this luminance white text contrasts more than black: the page is "dark".
DARK_PAGE_LUMINANCE = 0.179


def theme_name(profile: Profile) -> str:
    return f"memberdesk-{profile.name}"


def theme_values(profile: Profile) -> dict[str, Any]:
    """Keyword arguments for `textual.theme.Theme`.

    A "terminal" palette gives an ANSI theme (`ansi=True`, every colour "ansi_default"), like
    Textual's own "ansi-dark" but marking the cursor, selection and highlight with reverse
    video and bold, so they stay visible in any terminal palette and under NO_COLOR.
    """
    if profile.uses_terminal_palette:
        return _terminal_theme(profile)
    c = profile.colours
    warning_bg = c.resolved("warning_background")
    variables = {
        # Textual's text colours, made opaque (its defaults are alpha blends).
        "text": c.text,
        "text-muted": c.dim,
        "text-disabled": c.dim,
        "foreground-muted": c.dim,
        "foreground-disabled": c.dim,
        "text-primary": c.heading,
        "text-secondary": c.heading,
        "text-accent": c.heading,
        "text-warning": c.warning_text,
        "text-error": c.warning_text,
        "text-success": c.heading,
        # Lists and tables: the block cursor is the selection; no translucent hover tint.
        "block-cursor-foreground": c.selection_text,
        "block-cursor-background": c.selection_background,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": c.selection_text,
        "block-cursor-blurred-background": c.selection_background,
        "block-cursor-blurred-text-style": "none",
        "block-hover-background": c.background,
        "surface-active": c.background,
        # Focus: the border of the focused widget.
        "border": c.focus,
        "border-blurred": c.dim,
        "scrollbar": c.dim,
        "scrollbar-hover": c.text,
        "scrollbar-active": c.focus,
        "scrollbar-background": c.background,
        "scrollbar-background-hover": c.background,
        "scrollbar-background-active": c.background,
        "scrollbar-corner-color": c.background,
        "link-color": c.link,
        "link-background": c.background,
        "link-style": "underline",
        "link-color-hover": c.highlight_text,
        "link-background-hover": c.highlight_background,
        "footer-foreground": c.status_text,
        "footer-background": c.status_background,
        "footer-key-foreground": c.status_text,
        "footer-key-background": c.status_background,
        "footer-description-foreground": c.status_text,
        "footer-description-background": c.status_background,
        "footer-item-background": c.status_background,
        "input-cursor-foreground": c.background,
        "input-cursor-background": c.text,
        "input-selection-foreground": c.selection_text,
        "input-selection-background": c.selection_background,
        "screen-selection-foreground": c.selection_text,
        "screen-selection-background": c.selection_background,
        "markdown-h1-color": c.heading,
        "markdown-h2-color": c.heading,
        "markdown-h3-color": c.heading,
        "button-foreground": c.text,
        "button-color-foreground": c.text,
        # memberdesk's own, for memberdesk.tcss.
        "md-heading": c.heading,
        "md-link": c.link,
        "md-dim": c.dim,
        "md-focus": c.focus,
        "md-highlight-foreground": c.highlight_text,
        "md-highlight-background": c.highlight_background,
        "md-highlight-style": "bold",
        "md-selection-foreground": c.selection_text,
        "md-selection-background": c.selection_background,
        "md-selection-style": "bold",
        "md-status-foreground": c.status_text,
        "md-status-background": c.status_background,
        "md-warning-foreground": c.warning_text,
        "md-warning-background": warning_bg,
        "md-ruler-bright": c.text,
        "md-ruler-dim": c.dim,
        "md-ruler-dim-style": "none",
    }
    values = {
        "name": theme_name(profile),
        "primary": c.selection_background,
        "secondary": c.heading,
        "accent": c.focus,
        "warning": c.warning_text,
        "error": c.warning_text,  # one warning colour: meaning is carried by words, never red vs green
        "success": c.heading,
        "foreground": c.text,
        "background": c.background,
        "surface": c.background,  # widgets sit on the page colour, so body contrast holds everywhere
        "panel": c.status_background,
        "boost": c.background,
        "dark": relative_luminance(c.background) < DARK_PAGE_LUMINANCE,
        "text_alpha": 1.0,
        "variables": variables,
        "ansi": False,
    }
    # Textual derives each base colour's variable through a lighten(0) round trip in Lab space,
    # which can move it a step (#ffff00 is painted #feff00); pin the exact, checked values.
    for base in (
        "primary",
        "secondary",
        "accent",
        "warning",
        "error",
        "success",
        "foreground",
        "background",
        "surface",
        "panel",
        "boost",
    ):
        variables[base] = str(values[base])
    return values


def md_variable_defaults() -> dict[str, str]:
    """Values for every md-* variable that suit any theme (terminal colours, reverse-video
    markers): for App.get_theme_variable_defaults, so memberdesk.tcss still parses when a
    theme that is not a profile's (one of Textual's own) is active."""
    return {k: v for k, v in _terminal_theme_variables().items() if k.startswith("md-")}


def _terminal_theme_variables() -> dict[str, str]:
    default = "ansi_default"
    variables = {
        # Textual's ANSI themes must define these two (Screen's CSS refers to them).
        "ansi-background": default,
        "ansi-foreground": default,
        "block-cursor-foreground": default,
        "block-cursor-background": default,
        "block-cursor-text-style": "reverse bold",
        "block-cursor-blurred-foreground": default,
        "block-cursor-blurred-background": default,
        "block-cursor-blurred-text-style": "underline",
        "block-hover-background": default,
        "border": default,
        "border-blurred": default,
        "link-color": default,
        "link-style": "underline",
        "footer-foreground": default,
        "footer-background": default,
        "footer-key-foreground": default,
        "footer-key-background": default,
        "input-cursor-foreground": default,
        "input-cursor-background": default,
        "input-cursor-text-style": "reverse",
        "input-selection-foreground": default,
        "input-selection-background": default,
        "screen-selection-foreground": default,
        "screen-selection-background": default,
    }
    for name in (
        "heading",
        "link",
        "dim",
        "focus",
        "highlight-foreground",
        "highlight-background",
        "selection-foreground",
        "selection-background",
        "status-foreground",
        "status-background",
        "warning-foreground",
        "warning-background",
        "ruler-bright",
        "ruler-dim",
    ):
        variables[f"md-{name}"] = default
    variables["md-highlight-style"] = "reverse"
    variables["md-selection-style"] = "reverse bold"
    variables["md-ruler-dim-style"] = "dim"
    return variables


def _terminal_theme(profile: Profile) -> dict[str, Any]:
    default = "ansi_default"
    variables = _terminal_theme_variables()
    return {
        "name": theme_name(profile),
        "primary": "ansi_blue",
        "secondary": "ansi_cyan",
        "accent": "ansi_yellow",
        "warning": "ansi_yellow",
        "error": "ansi_yellow",
        "success": "ansi_blue",
        "foreground": default,
        "background": default,
        "surface": default,
        "panel": default,
        "boost": default,
        "dark": True,  # unknown (the terminal decides); ANSI themes are not shaded, so it matters little
        "variables": variables,
        "ansi": True,
    }


def app_settings(profile: Profile) -> dict[str, Any]:
    """The non-colour settings, named for what the UI sets:
    animation_level -> App.animation_level; cursor_blink -> each Input/TextArea's cursor_blink;
    keymap -> App.set_keymap; notifications "status" | "toast"; screen_reader -> cursor follows focus."""
    b = profile.behaviour
    return {
        "animation_level": "full" if b.animations else "none",
        "cursor_blink": b.cursor_blink,
        "notifications": b.notifications,
        "screen_reader": b.screen_reader,
        "keymap": dict(profile.keymap),
    }

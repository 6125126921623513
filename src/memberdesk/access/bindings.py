"""Every key binding of the app as plain data: its id, its default keys and what it does.

A profile's `[keymap]` names these ids, and `memberdesk profile check` (which never loads
Textual) must know them, so the list lives here, below the UI. The UI declares the same
bindings (`Binding(..., id=...)` in each screen); `tests/unit/test_binding_catalogue.py`
walks every UI class and fails when the two disagree, so this list cannot go stale.

An id's first part says where it is bound ("reader.find" is on the reader screen); `SCREENS`
says which parts are active together on each screen, the focused widget first, as Textual
looks them up. App-wide keys ("app.*") work on every screen, after the screen's own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BindingInfo:
    id: str
    keys: str  # the default keys, as Textual names them, comma-separated
    description: str
    priority: bool = False  # checked before any screen's keys (Ctrl+Q)

    @property
    def place(self) -> str:
        return self.id.split(".", 1)[0]


APP = "app"

_TABLE: tuple[tuple[str, str, str], ...] = (
    ("app.help", "f1,question_mark", "Help: every key"),
    ("app.palette", "ctrl+p", "Command palette: every action by name"),
    ("app.search", "ctrl+f", "Search every paper"),
    ("app.paper", "ctrl+r", "Paper saved by reading on screen"),
    ("app.quit", "ctrl+q", "Quit"),
    ("app.switch_profile", "f2", "Profiles: choose the profile in use"),
    ("app.edit_profile", "ctrl+t", "Profile editor: colours, layout, behaviour, speech and keys"),
    ("app.setup", "f3", "Set-up: how you read, your council, your committees"),
    ("app.stop_import", "x", "Stop the import in progress"),
    ("library.import", "i", "Import a PDF or a folder of PDFs"),
    ("library.refresh", "r", "Refresh the list"),
    ("library.search", "s", "Search every paper"),
    ("library.paper", "p", "Paper saved by reading on screen"),
    ("library.councils", "c", "Councils: follow committees, sync, download meetings"),
    ("reader.next_page", "right,full_stop", "Next page"),
    ("reader.previous_page", "left,comma", "Previous page"),
    ("reader.first_page", "home", "First page"),
    ("reader.last_page", "end", "Last page"),
    ("reader.go_to_page", "g", "Go to page"),
    ("reader.contents", "c", "Contents"),
    ("reader.follow", "enter", "Go to the pages the reading line refers to"),
    ("reader.next_heading", "h", "Next heading"),
    ("reader.previous_heading", "H,shift+h", "Previous heading"),
    ("reader.find", "slash,f", "Find"),
    ("reader.next_hit", "n,f3", "Next match"),
    ("reader.previous_hit", "N,shift+f3", "Previous match"),
    ("reader.bookmark", "m", "Bookmark this page (or remove its bookmark)"),
    ("reader.note", "a", "Write a note on this page"),
    ("reader.notes", "o", "Notes and bookmarks in this paper"),
    ("reader.where", "w", "Say where you are (the whole status line)"),
    ("reader.table", "t", "Table mode: move cell by cell through the table here"),
    ("table.right", "right", "Next cell in the row"),
    ("table.left", "left", "Previous cell in the row"),
    ("table.down", "down", "Cell below"),
    ("table.up", "up", "Cell above"),
    ("table.row_start", "home", "First cell of the row"),
    ("table.row_end", "end", "Last cell of the row"),
    ("table.first", "ctrl+home", "First cell of the table"),
    ("table.last", "ctrl+end", "Last cell of the table"),
    ("table.row", "r", "Show the whole row with its headers"),
    ("table.leave", "escape,ctrl+g", "Leave table mode"),
    ("reader.back", "escape,ctrl+g,backspace", "Library"),
    ("page.line_down", "down,j", "Next line"),
    ("page.line_up", "up,k", "Previous line"),
    ("page.screen_down", "pagedown,space", "Next screen"),
    ("page.screen_up", "pageup,b", "Previous screen"),
    ("page.top", "ctrl+home", "Top of page"),
    ("page.bottom", "ctrl+end", "Bottom of page"),
    ("speech.read", "r", "Read aloud from the reading line"),
    ("speech.pause", "p", "Pause or resume reading aloud"),
    ("speech.stop", "s", "Stop reading aloud (Escape also stops it)"),
    ("speech.next_sentence", "right_square_bracket,ctrl+right", "Next sentence, while reading aloud"),
    ("speech.previous_sentence", "left_square_bracket,ctrl+left", "Previous sentence, while reading aloud"),
    (
        "speech.next_paragraph",
        "right_curly_bracket,ctrl+down",
        "Next paragraph (past a whole table), while reading aloud",
    ),
    ("speech.previous_paragraph", "left_curly_bracket,ctrl+up", "Previous paragraph, while reading aloud"),
    ("speech.faster", "plus,equals_sign", "Read faster"),
    ("speech.slower", "minus,underscore", "Read slower"),
    ("speech.louder", "greater_than_sign", "Read louder"),
    ("speech.quieter", "less_than_sign", "Read more quietly"),
    ("speech.voice", "v", "Choose the reading voice"),
    ("search.close", "escape,ctrl+g", "Close search"),
    ("search.edit", "ctrl+l", "Edit the search"),
    ("councils.back", "escape,ctrl+g,backspace", "Back up a level (or to the library)"),
    ("councils.follow", "f", "Follow or unfollow the highlighted committee"),
    ("councils.sync", "s", "Sync now: every followed committee"),
    ("councils.download", "d", "Download this meeting (or the highlighted one)"),
    ("councils.stop", "x", "Stop the sync or download (or an import)"),
    ("councils.add", "a", "Add a council by its web address"),
    ("councils.refresh", "r", "Ask the council again for committees or meetings"),
    ("councils.note", "n", "Write a note on the highlighted agenda item"),
    ("councils.notes", "o", "Notes for this meeting"),
    ("item.note", "a", "Write a note on this agenda item"),
    ("item.back", "escape,ctrl+g,backspace", "Back"),
    ("notes.close", "escape,ctrl+g,backspace", "Close"),
    ("notes.edit", "e", "Edit the note"),
    ("notes.delete", "d,delete", "Delete the note or bookmark"),
    ("paper.close", "escape,ctrl+g,backspace,q", "Close"),
    ("help.close", "escape,ctrl+g,backspace,f1,q", "Close help"),
    ("editor.save", "ctrl+s", "Save the profile"),
    ("editor.save_and_use", "f5", "Save the profile and use it now"),
    ("editor.export", "ctrl+e", "Export the profile to a file"),
    ("editor.start_from", "ctrl+o", "Start again from another profile"),
    ("editor.pick_colour", "f4", "Choose the focused colour from a list"),
    ("editor.close", "escape,ctrl+g", "Close the editor"),
    ("editor.next_setting", "down", "Next setting"),
    ("editor.previous_setting", "up", "Previous setting"),
    ("text.select_all", "ctrl+a", "Select all the text in a text box"),
    ("choice.next", "space,right", "Next value of a setting"),
    ("choice.previous", "left", "Previous value of a setting"),
    ("profiles.edit", "e", "Edit a copy of the highlighted profile"),
    ("dialog.cancel", "escape,ctrl+g,backspace", "Cancel"),
    ("prompt.cancel", "escape,ctrl+g", "Cancel"),
    ("confirm.yes", "y", "Yes"),
    ("confirm.no", "n,escape,ctrl+g", "No"),
    ("note.save", "ctrl+s", "Save the note"),
    ("note.leave", "escape,ctrl+g", "Leave without saving"),
    ("setup.leave", "escape,ctrl+g", "Leave the set-up (answers so far are kept)"),
)

BINDINGS: dict[str, BindingInfo] = {
    id_: BindingInfo(id_, keys, description, priority=id_ == "app.quit") for id_, keys, description in _TABLE
}

# screen (as a message names it) -> the places whose keys work there, looked up in this order
# (the focused widget's first); app-wide keys come after them on every screen.
SCREENS: dict[str, tuple[str, ...]] = {
    "library": ("library",),
    "reader": ("text", "page", "reader", "speech"),
    "table mode": ("table",),
    "search": ("text", "search"),
    "councils": ("councils",),
    "agenda item": ("item",),
    "notes": ("notes",),
    "paper record": ("paper",),
    "help": ("help",),
    "profile editor": ("text", "choice", "editor"),
    "profile list": ("profiles", "dialog"),
    "contents, voices and colour lists": ("dialog",),
    "prompt": ("text", "prompt"),
    "question": ("confirm",),
    "note editor": ("note",),
    "set-up": ("text", "setup"),
}


def default_keymap() -> dict[str, str]:
    """Every binding id with its default keys, in the order above (what an export writes)."""
    return {info.id: info.keys for info in BINDINGS.values()}

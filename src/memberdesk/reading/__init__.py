"""Reading one paper: the session the reader screen, plain mode and speech share (no Textual)."""

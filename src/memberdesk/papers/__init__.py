"""Papers: PDF files -> pages of text in reading order, with printed labels; the only PDF-library users."""

"""Plain mode: line-by-line reading for screen readers, braille displays and pipes."""

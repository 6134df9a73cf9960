"""Renderers: each takes the report document and returns text (the terminal one, a rich renderable); no I/O."""

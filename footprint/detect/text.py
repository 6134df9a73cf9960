"""Regex pieces the detectors share: how a written word may vary on a real page."""

from __future__ import annotations

import re

APOSTROPHE = "['\u2019\u2018`]"
_SAINT = re.compile(r"st\.?|saint", re.IGNORECASE)


def word_pattern(word: str) -> str:
    """One word, any apostrophe optional and in any typographic form; "St" also as "St." or "Saint"."""
    if _SAINT.fullmatch(word):
        return r"(?:st\.?|saint)"
    return (APOSTROPHE + "?").join(re.escape(part) for part in re.split(APOSTROPHE, word))

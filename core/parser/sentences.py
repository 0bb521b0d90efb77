"""Sentence splitting for diplomatic prose (abbreviations, initials, lists)."""

from __future__ import annotations

import re

from .lazy import LazyPattern

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "h.e",
        "no",
        "nos",
        "st",
        "jr",
        "sr",
        "e.g",
        "i.e",
        "etc",
        "inc",
        "co",
        "ltd",
        "vs",
        "approx",
        "art",
        "arts",
        "para",
        "paras",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "fig",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "hon",
        "rt",
        "amb",
        "dept",
        "min",
        "pres",
        "vol",
        "ed",
        "eds",
        "cf",
        "al",
    ]
)
_BOUNDARY = re.compile(r"(?<=[.!?…])([\"”’)]*)\s+(?=[\"“‘(]?[A-Z0-9À-ÖØ-ÞĀ-ſЀ-ӿ])")


_FINISHED = LazyPattern(r"[.!?;:…\"”’)\]]\s*$")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; list items joined to a lead-in stay with it."""
    sentences: list[str] = []
    for block in _blocks(text):
        start = 0
        for match in _BOUNDARY.finditer(block):
            end = match.start() + len(match.group(1))
            candidate = block[start:end]
            if _ends_with_abbreviation(candidate):
                continue
            sentences.append(candidate.strip())
            start = match.end()
        tail = block[start:].strip()
        if tail:
            sentences.append(tail)
    return [s for s in sentences if s]


def _blocks(text: str) -> list[str]:
    """Lines joined by ``\\n`` are separate blocks unless they are ``- `` list items
    or the line before has not finished its sentence (a hard line break inside a
    sentence: "... reaffirmed\\ntechnology's role and\\nlauded ...")."""
    blocks: list[str] = []
    for line in text.split("\n"):
        if blocks and line.startswith("- "):
            blocks[-1] = f"{blocks[-1]}\n{line}"
        elif blocks and blocks[-1].strip() and not _FINISHED.search(blocks[-1]) and line.strip():
            blocks[-1] = f"{blocks[-1].rstrip()} {line.lstrip()}"
        else:
            blocks.append(line)
    return blocks


def _ends_with_abbreviation(candidate: str) -> bool:
    stripped = candidate.rstrip('"”’) ')
    if not stripped.endswith("."):
        return False
    word = stripped[:-1].rsplit(None, 1)[-1] if stripped[:-1].strip() else ""
    word = word.lstrip('("“‘').rsplit("-", 1)[-1]  # "India-U.S." ends in "U.S."
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Joseph R. Biden"
    return word.lower() in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))

"""The statement's title: which header lines name a statement, and the title
cleaned to one line without markup, labels, source tags or translation notes.

The noise words are data (``data/title_noise.txt``, ``data/statement_types.txt``);
the rules here are about shape: quotes around the whole, a bracketed label before
it, a bracketed subject or a publisher's acronym after it, a footnote mark.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .doc_rules import (
    ending_phrase,
    phrase_key,
    phrase_keys,
    phrase_pattern,
    starting_phrase,
    statement_words,
)

_MARKUP = re.compile(r"^[\s*_#>]+|[\s*_#\\]+$")
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»"}
_LEADING_LABEL = re.compile(r"^\[[^\]\[]{1,30}\]\s*(?=\S)")
_TRAILING_BRACKETS = re.compile(r"\s*\[[^\]\[]{1,120}\]$")
_TRAILING_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z&.]{1,9})\)$")
_FOOTNOTE_MARK = re.compile(r"(?<=\S)\s*\(\d{1,2}\)$")
_CONNECTOR_START = re.compile(
    r"^(?:on|of|between|among|for|to|toward|towards|at|in|and|by|with|regarding|"
    r"concerning|from)\b",
    re.I,
)
_CONNECTOR_END = re.compile(
    r"(?:\b(?:on|of|between|among|for|to|toward|towards|at|in|and|by|with|the|from)|[:,–—-])$",
    re.I,
)


def names_statement(text: str) -> bool:
    """Whether a line holds a word that names a statement (Joint Statement, Communiqué...)."""
    return statement_words().search(text) is not None


_TABLE = "title_noise.txt"


def is_banner(text: str) -> bool:
    """A header line that only says what kind of text follows ("PRESS RELEASE",
    "(Provisional translation)"), not which statement it is, also after its
    publisher's name ("European Commission - Statement")."""
    banners = phrase_keys(_TABLE, "banners")
    key = phrase_key(text).strip(" :.-")
    if key in banners:
        return True
    _publisher, dash, kind = key.rpartition(" - ")
    return bool(dash) and len(_publisher.split()) <= 6 and kind.strip(" :.") in banners


def is_reprint_headline(text: str) -> bool:
    """A news site's headline over the text of a statement it reprints ("Full
    text of joint statement of ... summit"), not the statement's own title."""
    return starting_phrase(text, phrase_keys(_TABLE, "reprint_headlines")) is not None


@lru_cache(maxsize=64)
def _phrase_regex(phrase: str) -> str:
    """A regex for one noise phrase as written (any case, spacing, apostrophe)."""
    return phrase_pattern([phrase])


def _without_noise(text: str) -> str:
    prefix = starting_phrase(text, phrase_keys(_TABLE, "prefixes"))
    if prefix:
        text = re.sub(r"^" + _phrase_regex(prefix) + r"\s*", "", text, flags=re.I)
    suffix = ending_phrase(text, phrase_keys(_TABLE, "suffixes"))
    if suffix:
        text = re.sub(r"\s*" + _phrase_regex(suffix) + r"$", "", text, flags=re.I)
    return text.strip()


def continues_title(title: str, line: str) -> bool:
    """Whether ``line`` carries on a title that ends with ``title``: the title
    stops on a colon or a function word, or the line starts with one
    ("JOINT COMMUNIQUE / ON THE OCCASION OF THE VISIT ...")."""
    return bool(_CONNECTOR_END.search(title.rstrip()) or _CONNECTOR_START.match(line.strip()))


def clean_title(title: str) -> str:
    """The title on one line, without markup, enclosing quotes, labels such as
    "[Title]", translation notes, a bracketed subject or publisher tag after it,
    or a footnote mark."""
    text = re.sub(r"\s+", " ", title).strip()
    previous = None
    while text != previous:
        previous = text
        text = _MARKUP.sub("", text).strip()
        text = _unquote(text)
        text = _LEADING_LABEL.sub("", _without_noise(text)).strip()
        text = _TRAILING_BRACKETS.sub("", text).strip()
        text = _FOOTNOTE_MARK.sub("", text).strip()
        text = _drop_source_tag(text)
    return text


def _unquote(text: str) -> str:
    """Quotes around the whole title go; a lone opening quote (a cut-off quoted
    value) goes too.  Quotes inside the title stay."""
    if len(text) >= 2 and text[0] in _QUOTES:
        closing = _QUOTES[text[0]]
        inner = text[1:-1] if text.endswith(closing) else None
        if inner is not None and closing not in inner and text[0] not in inner:
            return inner.strip()
        if text.count(text[0]) == 1 and closing not in text[1:]:
            return text[1:].strip()
    return text


def _drop_source_tag(text: str) -> str:
    """A bracketed acronym after the title that does not abbreviate the words
    before it is the publisher's tag ("... Joint Statement (DFA)"); one that does
    is part of the title ("... Partnership Agreement (EPA)")."""
    match = _TRAILING_ACRONYM.search(text)
    if not match:
        return text
    acronym = re.sub(r"[^A-Za-z]", "", match.group("acronym")).lower()
    words = re.findall(r"[A-Za-z][\w’'-]*", text[: match.start()])
    initials = "".join(w[0].lower() for w in words)
    if acronym and _is_subsequence(acronym, initials):
        return text
    return text[: match.start()].strip()


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)

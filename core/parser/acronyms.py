"""The acronyms a statement defines: "Asian Disaster Reduction Center (ADRC)"
teaches ``ADRC``; and where a defined acronym or its expansion occurs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import msgspec

from .gazetteer import trie_pattern
from .names import SMALL_WORDS, WORD_SPLIT, NameIndex, Span, clean_name, scan_names, word_start

_BARE_WORDS = re.compile(r"[^\s/‐‑–—-]+")


class Acronyms(dict[str, str]):
    """The acronyms a statement defines, acronym -> expansion, in order.

    A plain ``dict`` for every purpose; ``projects`` additionally holds the
    acronyms the statement presents as projects: defined at the end of a quoted
    name (“One Village, One Product (OVOP)”) or followed by a word such as
    *project* or *programme* ("Mumbai-Ahmedabad High Speed Rail (MAHSR)
    project").  :func:`find_projects` lists those wherever they appear.
    """

    def __init__(self, *args: object, **kwargs: str) -> None:
        super().__init__(*args, **kwargs)
        self.projects: set[str] = set()


# "(ADRC)", "(SDGs)", "(J-BIRD2)", "(U.S. CDC)", "(ADMM Plus)": one word, or two short ones
_PAREN = re.compile(r"\(\s*([A-Za-z][\w&/.+'’-]{1,14}(?: [A-Za-z][A-Za-z&/.+'’-]{1,7})?)\s*\)")
# the capital first, then a look back at the character before it: the engine
# then only stops at capitals
_REVERSED = re.compile(r"([A-Z](?<![\w-].)[A-Za-z&/+-]{1,14})\s*\(([^()]{4,160})\)")
_ROMAN = re.compile(r"^[IVX]+$")
_PROJECT_NOUN_AFTER = re.compile(
    r"[”\"]?\s+(?:project|programme|program|initiative|movement|scheme|campaign)s?\b"
)
# where an expansion cannot reach back across: punctuation, and a full stop that
# is not an initial's ("U.S. Center for Disease Control (U.S. CDC)")
_BOUNDARY = re.compile(r"[;:!?()\[\]“”\"]|(?<!\b[A-Z])\.")
_CLOSING_QUOTES = '”"'
_OPENING_QUOTES = '“"'


def _acronym_letters(acronym: str) -> str | None:
    """The letters an expansion must supply, lower case, or None when the
    parenthesis does not hold an acronym (a word, a Roman numeral...)."""
    core = acronym.rstrip(".")
    if core.endswith("s") and len(core) > 2 and core[-2].isupper():
        core = core[:-1]  # plural: SDGs, MDBs
    letters = "".join(ch for ch in core if ch.isalpha())
    uppers = sum(ch.isupper() for ch in letters)
    if uppers < 2 or len(letters) > 10 or _ROMAN.match(letters):
        return None
    if uppers < len(letters) - uppers:
        return None
    return letters.lower()


def _expansion_words(text: str, end: int, limit: int) -> list[tuple[int, int, str]]:
    """The words (start, end, text) before ``end`` back to the previous sentence
    boundary or parenthesis, at most ``limit`` of them."""
    lo = max(0, end - 400)
    segment = text[lo:end]
    cuts = list(_BOUNDARY.finditer(segment))
    base = lo + (cuts[-1].end() if cuts else 0)
    words = [
        (base + m.start(), base + m.end(), m.group()) for m in _BARE_WORDS.finditer(text[base:end])
    ]
    cleaned = []
    for start, stop, word in words[-limit:]:
        bare = word.strip(",'’\"“”*").replace(".", "")
        if bare:
            cleaned.append((start, stop, bare))
    return cleaned


def _piece_cost(word: str, piece: str) -> float | None:
    """What it costs for ``word`` to supply ``piece`` (its first letter and
    maybe more): nothing for a prefix or the word's capitals, a little for
    letters picked from inside the word, None when it cannot."""
    lower = word.lower()
    if not lower or lower[0] != piece[0]:
        return None
    if lower.startswith(piece):
        return 0.0
    capitals = "".join(ch for ch in word[1:] if ch.isupper()).lower()
    if capitals.startswith(piece[1:]):
        return 0.0
    pos = 1
    for ch in piece[1:]:
        pos = lower.find(ch, pos) + 1
        if pos == 0:
            return None
    return 0.5 * (len(piece) - 1)


def _align(words: list[str], letters: str, *, whole: bool = False) -> int | None:
    """The index of the first word of the expansion that spells ``letters``, or
    None.  Capital letters that spell the acronym exactly win outright;
    otherwise initials are aligned, small words may be skipped freely, other
    skipped words cost.  ``whole``: the expansion must start at word 0."""
    n, m = len(words), len(letters)
    target = letters.upper()
    caps = ""
    for k in range(n - 1, -1, -1):
        caps = "".join(ch for ch in words[k] if ch.isupper()) + caps
        if len(caps) > m:
            break
        if caps == target and words[k][:1].isupper() and (not whole or k == 0):
            return k
    memo: dict[tuple[int, int], float] = {}

    def best(i: int, j: int) -> float:
        if i == n:
            return 0.0 if j == m else float("inf")
        key = (i, j)
        if key in memo:
            return memo[key]
        word = words[i]
        skip = 0.0 if word.lower() in SMALL_WORDS else 1.5
        result = best(i + 1, j) + skip
        if j < m:
            for t in range(1, m - j + 1):
                cost = _piece_cost(word, letters[j : j + t])
                if cost is not None:
                    result = min(result, cost + best(i + 1, j + t))
        memo[key] = result
        return result

    chosen: tuple[float, int] | None = None
    starts = [0] if whole else range(n - 1, -1, -1)
    for k in starts:
        if words[k].lower() in SMALL_WORDS:
            continue
        for t in range(1, m + 1):
            cost = _piece_cost(words[k], letters[:t])
            if cost is None:
                continue
            total = cost + best(k + 1, t)
            if chosen is None or total < chosen[0]:
                chosen = (total, k)
    if chosen is None or chosen[0] > max(1.5, 0.5 * m):
        return None
    return chosen[1]


def _leading_fit(words: list[str], letters: str) -> int | None:
    """The first word of a name whose acronym spells only its leading words,
    the rest of the name running on in Title Case: "Declaration on the Conduct
    of the Parties in the South China Sea (DOC)".  The acronym's letters are
    the initials of consecutive words from a capitalised one (a small word
    may give its initial or be passed over), and every word after them is a
    capitalised or a small word; None when no word starts such a name."""
    for k in range(len(words) - 1, -1, -1):
        if not words[k][:1].isupper() or words[k][0].lower() != letters[0]:
            continue
        i, j = k, 0
        while i < len(words) and j < len(letters):
            word = words[i]
            if word[0].lower() == letters[j]:
                j += 1
            elif word.lower() not in SMALL_WORDS:
                break
            i += 1
        rest = words[i:]
        if j == len(letters) and all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in rest):
            return k
    return None


def _quoted_name(text: str, open_paren: int, close_paren: int) -> tuple[int, str] | None:
    """When "(ACR)" closes a quoted name (“the Project for ... (JDS)”), the
    name's start and text."""
    after = text[close_paren : close_paren + 3].lstrip()
    if not after or after[0] not in _CLOSING_QUOTES:
        return None
    lo = max(0, open_paren - 300)
    segment = text[lo:open_paren]
    positions = [i for i, ch in enumerate(segment) if ch in _OPENING_QUOTES]
    if not positions:
        return None
    start = lo + positions[-1] + 1
    name = clean_name(text[start:open_paren])
    if not name or "\n\n" in name:
        return None
    return start, name


def _initials_fit(name: str, letters: str) -> bool:
    """Whether at least half of the acronym's letters appear, in order, among
    the initials of the name's words (a loose fit for quoted names)."""
    initials = [w[0].lower() for w in WORD_SPLIT.split(name) if w and w[0].isalpha()]
    found, pos = 0, 0
    for ch in letters:
        try:
            pos = initials.index(ch, pos) + 1
        except ValueError:
            continue
        found += 1
    return bool(initials) and found * 2 >= len(letters)


def learn_acronyms(text: str) -> dict[str, str]:
    """Acronyms the statement defines: 'Asian Disaster Reduction Center (ADRC)' -> {'ADRC': 'Asian
    Disaster Reduction Center'}; also 'Greenhouse gases Observing SATellite (GOSAT)',
    'Sustainable Development Goals (SDGs)', 'Official Development Assistance(ODA)' (no space),
    'Women, Peace and Security (WPS)'. The expansion is found by matching the acronym's letters
    to the initials (and capitals) of the preceding words, skipping small words (of, the, and,
    for, in, on, ...); reject parentheses that are not acronyms.

    An acronym that closes a quoted name (“the Project for Human Resource
    Development Scholarship (JDS)”) stands for the whole quoted name when at
    least half its letters fit the name's initials; the reversed form
    ``JICA (Japan International Cooperation Agency)`` is understood too.  The
    first definition of an acronym wins.  The result is an :class:`Acronyms`.
    """
    found = Acronyms()
    for match in _PAREN.finditer(text):
        acronym = match.group(1).rstrip(".")
        if acronym in found:
            continue
        letters = _acronym_letters(acronym)
        if letters is None:
            continue
        quoted = _quoted_name(text, match.start(), match.end())
        if quoted and _initials_fit(quoted[1], letters):
            found[acronym] = quoted[1]
            found.projects.add(acronym)
            continue
        words = _expansion_words(text, match.start(), 3 * len(letters) + 4)
        if not words:
            continue
        k = _align([w for _, _, w in words], letters)
        if k is None:
            k = _leading_fit([w for _, _, w in words], letters)
        if k is None:
            continue
        expansion = clean_name(text[words[k][0] : words[-1][1]]).strip(" ,;:'’\"“”")
        if expansion and expansion != acronym:
            found[acronym] = expansion
            if _PROJECT_NOUN_AFTER.match(text, match.end()):
                found.projects.add(acronym)
    for match in _REVERSED.finditer(text):
        acronym, inner = match.group(1), match.group(2)
        if acronym in found:
            continue
        letters = _acronym_letters(acronym)
        parts = [w.strip(",'’\"“”").replace(".", "") for w in WORD_SPLIT.split(inner.strip())]
        parts = [w for w in parts if w]
        if letters is None or len(parts) < 2 or len(parts) > 3 * len(letters) + 4:
            continue
        if _align(parts, letters, whole=True) == 0:
            found[acronym] = clean_name(inner)
    return found


def project_acronyms(acronyms: Mapping[str, str]) -> frozenset[str]:
    return frozenset(getattr(acronyms, "projects", ()))


class _AcronymMatcher(msgspec.Struct, frozen=True):
    """Finds a set of defined acronyms (exact case) and their expansions
    (capitalised, any case after the first letter, line breaks allowed)."""

    acronyms: re.Pattern[str] | None
    expansions: NameIndex


@lru_cache(maxsize=256)
def _matcher(pairs: tuple[tuple[str, str], ...]) -> _AcronymMatcher:
    acronyms = [a for a, _ in pairs if a]
    return _AcronymMatcher(
        re.compile(trie_pattern(acronyms) + r"(?![\w-])") if acronyms else None,
        NameIndex.build((e, a) for a, e in pairs if e[:1].isupper()),
    )


@lru_cache(maxsize=256)
def as_dict(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The acronyms as a dict again (read only)."""
    return dict(items)


@lru_cache(maxsize=16)
def name_spans(
    text: str, items: tuple[tuple[str, str], ...], known: NameIndex
) -> tuple[tuple[Span, ...], tuple[tuple[int, int, str], ...]]:
    """Where the statement's acronyms (``items``) or their expansions occur,
    labelled by acronym, and where the names of ``known`` occur (start, end,
    value): one pass over the text for both."""
    matcher = _matcher(items)
    expansions, names = scan_names(text, (matcher.expansions, known))
    spans = [Span(start, end, acronym, 0) for start, end, acronym in expansions]
    if matcher.acronyms is not None:
        for match in matcher.acronyms.finditer(text):
            if word_start(text, match.start()):
                spans.append(Span(match.start(), match.end(), match.group(), 0))
    return tuple(spans), tuple(names)

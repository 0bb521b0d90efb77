"""Organisations, instruments and projects named in a statement, and the acronyms
it defines.

These lists fill the matrix columns and the briefing note, so they favour
precision: a name is listed only when the structure of diplomatic English says it
is one (an acronym defined in parentheses, a head noun such as *Agency* or
*Agreement*, a quoted or Title Case name with a word such as *Project* or
*Dialogue*).

Speed: a cheap scan finds rare anchors (head nouns, key words, quotes) and the
detailed expressions run only around them; every repetition is bounded, so there
is no catastrophic backtracking and a megabyte costs a fraction of a second.
Results are kept per text (the functions are pure), so a repeated sentence is
free.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .gazetteer import capitalised_trie, is_country_name, mentions, normalize_key, trie_pattern

# --------------------------------------------------------------------------
# shared vocabulary


def _words(text: str) -> frozenset[str]:
    """A set of words written as one blank-separated string."""
    return frozenset(text.split())


_SMALL_WORDS = _words(
    "of the and for in on to at by with a an de du des la le el from against its their or &"
)
_MONTH_WORDS = _words(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """
)
#: Words that open a sentence or a noun phrase but never a name.
_STOP_STARTS = _words(
    """
    The This These That Those Both Each All In On At By For From With Under Through Also As
    And But Our Their Its His Her Your My We They It A An To Regarding Recognizing
    Recognising Based Further Furthermore Moreover Finally Meanwhile Given Since While Such
    Other Any Some Several Various Every Building Looking Considering Welcoming Noting
    Affirming Reaffirming Recalling Mindful During Following Upon Within Among Toward
    Towards
    """
)
#: Capitalised words that start a new sentence when met inside a run of names.
_SENTENCE_OPENERS = _words("The This These Both We They Our It")
#: Title Case words that do not make a phrase a proper name on their own.
_GENERIC = _words(
    """
    National International Regional Global Central State Federal Joint New Special Strategic
    Comprehensive High-Level High-level High Level Official Annual Bilateral Multilateral
    Trilateral Intergovernmental Enhanced Expanded Extended Ministerial Leaders Leaders'
    Leaders’ Parties Summit Meeting Meetings Visit First Second Third Fourth Fifth Sixth
    Seventh Eighth Ninth Tenth Next Further Future Public Private General Permanent
    Executive Foreign
    """
)

_ORG_HEADS = _words(
    """
    Agency Bank Fund Organization Organisation Council Commission Secretariat University
    Academy Foundation Center Centre Institute Committee Corporation Authority Office
    Department Board Association Chamber Guard Force Forces Navy Army Parliament Assembly
    Court Group Union Ministry Ministries Embassy Consulate Government College School Bureau
    Service Police Federation Society Mission Alliance
    """
)
#: Heads that may be a body of a known organisation ("Council of the European Union").
_BODY_HEADS = _words("Council Commission Secretariat Parliament Court Assembly")
_PLURAL_HEADS = _words("Ministries Forces")
#: Heads after which "in <place>" belongs to the name ("Embassy of Japan in Tajikistan").
_PLACED_HEADS = _words("Embassy Consulate Office Mission Delegation")
#: Heads whose "of <country>" says whose body it is and must stay in the name.
_GOVERNMENT_HEADS = _words(
    """
    Ministry Ministries Embassy Consulate Government Department Office Mission Parliament
    Agency Council Commission Police Army Navy Force Forces
    """
)

_PROJECT_WORDS = _words(
    """
    Project Projects Program Programs Programme Programmes Initiative Initiatives
    Partnership Partnerships Process Dialogue Conference Workshop Forum Summit Framework
    Strategy Plan Route Corridor Network Consultations Platform Mechanism Meeting Seminar
    Symposium Games Scholarship Campaign Movement Exhibition Festival Expo EXPO Olympics
    Paralympics Fellowship Exchange
    """
)

_INSTRUMENT_HEADS = (
    "Agreement",
    "Treaty",
    "Convention",
    "Protocol",
    "Accord",
    "Charter",
    "Declaration",
    "Communiqué",
    "Communique",
    "Joint Statement",
    "Joint Press Statement",
    "Statement",
    "Action Plan",
    "Covenant",
    "Pact",
)
_INSTRUMENT_WORD = re.compile(
    r"\b(?:"
    + "|".join(h.replace(" ", r"\s+") for h in _INSTRUMENT_HEADS)
    + r"|Memorand(?:um|a)|Exchange\s+of\s+Notes|Resolution|Letter\s+of)\b"
)

# A capitalised word of a name: "Japan", "Co-Creation", "U.S.", "C5+1", "2025",
# "Glaciers’", "GREENxEXPO".  Possessives are split off later.
_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z0-9][\w+&'’]*)(?:[-‐‑–/][\w+&'’]+){0,4}"
_QUOTED_TOKEN = r"(?:“[^“”\n]{1,120}”|\"[^\"\n]{1,120}\")"
# A run of name words, possibly a list: "Economy, Trade and Industry".
_UNIT = (
    rf"{_TOKEN}(?:\s+{_TOKEN}){{0,6}}"
    rf"(?:(?:,\s+{_TOKEN}(?:\s+{_TOKEN}){{0,3}}){{0,5}},?\s+(?:and|&)\s+{_TOKEN}"
    rf"(?:\s+{_TOKEN}){{0,3}})?"
)
_UNIT_Q = rf"(?:{_TOKEN}|{_QUOTED_TOKEN})(?:\s+(?:{_TOKEN}|{_QUOTED_TOKEN})){{0,6}}"
_SIMPLE_UNIT = rf"{_TOKEN}(?:\s+{_TOKEN}){{0,6}}"

_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_LIST_SPLIT = re.compile(r"[\s,]+")
_BARE_WORDS = re.compile(r"[^\s/‐‑–—-]+")
_AFTER_RESOLUTION = re.compile(r"(?i:resolutions?\s+\w*\s*$)")
_WORD_SPLIT = re.compile(r"[\s/‐‑–—-]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")
_TOKEN_RE = re.compile(_TOKEN)
_TOKEN_FULL = re.compile(_TOKEN)
_PAREN_ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_YEARISH = re.compile(r"^(?:1[89]|2\d)\d\d$")


def _clean(text: str) -> str:
    """Collapse whitespace and drop a leading article."""
    text = _SPACES.sub(" ", text).strip()
    return _ARTICLE.sub("", text)


@dataclass(frozen=True)
class _Span:
    """A labelled stretch of text; lower ``rank`` wins a tie between equal spans."""

    start: int
    end: int
    label: str
    rank: int = 0


def _resolve(spans: Iterable[_Span]) -> list[_Span]:
    """Non-overlapping spans: the longest wins, then the lowest rank, then the
    earliest; the result is in text order."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.rank, s.start))
    starts: list[int] = []
    taken: list[_Span] = []
    for span in ordered:
        i = bisect_right(starts, span.start)
        if (i and taken[i - 1].end > span.start) or (i < len(taken) and taken[i].start < span.end):
            continue
        starts.insert(i, span.start)
        taken.insert(i, span)
    return taken


def _tokens_before(text: str, pos: int, *, lists: bool = False) -> list[tuple[int, int, str]]:
    """The name words right before ``pos`` (at most six) as (start, end, word):
    "Tajik National" before "University".  With ``lists``, "and" may join two
    of them ("Biological and Toxin Weapons" before "Convention")."""
    tokens: list[tuple[int, int, str]] = []
    end = pos
    while len(tokens) < 6:
        gap = end
        while gap > 0 and text[gap - 1] in " \t\r\n":
            gap -= 1
        if gap == end or gap == 0:
            break
        lo = max(0, gap - 60)
        start = max(text.rfind(" ", lo, gap), text.rfind("\n", lo, gap), text.rfind("\t", lo, gap))
        start += 1
        word = text[start:gap]
        if lists and word in ("and", "&") and tokens:
            before = _tokens_before(text, start)
            if before:
                tokens.append((start, gap, word))
                tokens.append(before[-1])
                end = before[-1][0]
                continue
        if _PAREN_ACRONYM.fullmatch(word):
            lead = 0  # "Regional Comprehensive Economic Partnership (RCEP) Agreement"
        else:
            lead = len(word) - len(word.lstrip("*_“\"‘'(["))
            if not _TOKEN_FULL.fullmatch(word, lead):
                break
        tokens.append((start + lead, gap, word[lead:]))
        if lead:
            break
        end = start
    if tokens and tokens[-1][2] in ("and", "&"):
        tokens.pop()
    return tokens[::-1]


def _windows(anchors: Iterable[int], before: int, after: int, limit: int) -> list[tuple[int, int]]:
    """Merged stretches of text around anchor positions, in order: the slower
    expressions only run inside these."""
    merged: list[tuple[int, int]] = []
    for pos in sorted(anchors):
        lo, hi = max(0, pos - before), min(limit, pos + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _word_start(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a word (no letter, digit or hyphen before it)."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "-‐‑–_")


def _unique(labels: Iterable[str]) -> list[str]:
    """Labels without repeats, in order of first appearance."""
    return list(dict.fromkeys(label for label in labels if label))


# --------------------------------------------------------------------------
# acronyms


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


_PAREN = re.compile(r"\(\s*([A-Za-z][A-Za-z&/.+'’-]{1,14})\s*\)")
_REVERSED = re.compile(r"(?<![\w-])([A-Z][A-Za-z&/+-]{1,14})\s*\(([^()]{4,160})\)")
_ROMAN = re.compile(r"^[IVX]+$")
_PROJECT_NOUN_AFTER = re.compile(
    r"[”\"]?\s+(?:project|programme|program|initiative|movement|scheme|campaign)s?\b"
)
_BOUNDARY = re.compile(r"[.;:!?()\[\]“”\"]")
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
        skip = 0.0 if word.lower() in _SMALL_WORDS else 1.5
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
        if words[k].lower() in _SMALL_WORDS:
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
    name = _clean(text[start:open_paren])
    if not name or "\n\n" in name:
        return None
    return start, name


def _initials_fit(name: str, letters: str) -> bool:
    """Whether at least half of the acronym's letters appear, in order, among
    the initials of the name's words (a loose fit for quoted names)."""
    initials = [w[0].lower() for w in _WORD_SPLIT.split(name) if w and w[0].isalpha()]
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
            continue
        expansion = _clean(text[words[k][0] : words[-1][1]]).strip(" ,;:'’\"“”")
        if expansion and expansion != acronym:
            found[acronym] = expansion
            if _PROJECT_NOUN_AFTER.match(text, match.end()):
                found.projects.add(acronym)
    for match in _REVERSED.finditer(text):
        acronym, inner = match.group(1), match.group(2)
        if acronym in found:
            continue
        letters = _acronym_letters(acronym)
        parts = [w.strip(",'’\"“”").replace(".", "") for w in _WORD_SPLIT.split(inner.strip())]
        parts = [w for w in parts if w]
        if letters is None or len(parts) < 2 or len(parts) > 3 * len(letters) + 4:
            continue
        if _align(parts, letters, whole=True) == 0:
            found[acronym] = _clean(inner)
    return found


def _project_acronyms(acronyms: Mapping[str, str]) -> frozenset[str]:
    return frozenset(getattr(acronyms, "projects", ()))


# --------------------------------------------------------------------------
# organisations

# canonical label | other names ("UN" and "United Nations" are one organisation);
# a label may take several lines.
_KNOWN_ORGS = """
UN | United Nations; U.N.
UN General Assembly | United Nations General Assembly; UNGA
UN General Assembly | General Assembly of the United Nations
UN Security Council | United Nations Security Council; UNSC; Security Council
UN Human Rights Council | United Nations Human Rights Council; Human Rights Council; UNHRC
UN Secretariat | United Nations Secretariat
World Bank | World Bank
World Bank Group | WBG
IMF | International Monetary Fund
ASEAN | Association of Southeast Asian Nations; Association of South-East Asian Nations
G7 | Group of Seven; G-7
G8 | Group of Eight; G-8
G20 | Group of Twenty; G-20
EU | European Union
NATO | North Atlantic Treaty Organization
APEC | Asia-Pacific Economic Cooperation; Asia Pacific Economic Cooperation
OECD | Organisation for Economic Co-operation and Development
OECD | Organization for Economic Cooperation and Development
OECD | Organisation for Economic Cooperation and Development
WTO | World Trade Organization
IAEA | International Atomic Energy Agency
WHO | World Health Organization
UNESCO | United Nations Educational, Scientific and Cultural Organization
UNICEF | United Nations Children's Fund
UNDP | United Nations Development Programme
UNHCR | Office of the United Nations High Commissioner for Refugees; UN Refugee Agency
UNEP | United Nations Environment Programme
UNIDO | United Nations Industrial Development Organization
UNCTAD | United Nations Conference on Trade and Development
UNFPA | United Nations Population Fund
UNODC | United Nations Office on Drugs and Crime
UN Women | UN-Women
UNRWA | United Nations Relief and Works Agency for Palestine Refugees in the Near East
OCHA | Office for the Coordination of Humanitarian Affairs
WFP | World Food Programme
FAO | Food and Agriculture Organization
ILO | International Labour Organization; International Labor Organization
IOM | International Organization for Migration
ICAO | International Civil Aviation Organization
IMO | International Maritime Organization
ITU | International Telecommunication Union
WIPO | World Intellectual Property Organization
WMO | World Meteorological Organization
IFAD | International Fund for Agricultural Development
IEA | International Energy Agency
IRENA | International Renewable Energy Agency
ADB | Asian Development Bank
AIIB | Asian Infrastructure Investment Bank
EBRD | European Bank for Reconstruction and Development
EIB | European Investment Bank
AfDB | African Development Bank
IDB | Inter-American Development Bank
IsDB | Islamic Development Bank
NDB | New Development Bank
WCO | World Customs Organization
OSCE | Organization for Security and Co-operation in Europe
OSCE | Organization for Security and Cooperation in Europe
SCO | Shanghai Cooperation Organisation; Shanghai Cooperation Organization
CIS | Commonwealth of Independent States
CSTO | Collective Security Treaty Organization
EAEU | Eurasian Economic Union
CICA | Conference on Interaction and Confidence Building Measures in Asia
CICA | Conference on Interaction and Confidence-Building Measures in Asia
OIC | Organisation of Islamic Cooperation; Organization of Islamic Cooperation
AU | African Union
ECOWAS | Economic Community of West African States
SADC | Southern African Development Community
GCC | Gulf Cooperation Council
Arab League | League of Arab States
OAS | Organization of American States
PIF | Pacific Islands Forum
FATF | Financial Action Task Force
FSB | Financial Stability Board
INTERPOL | Interpol; International Criminal Police Organization
ICC | International Criminal Court
ICJ | International Court of Justice
BRICS | BRICS
Quad | Quad
Paris Club | Paris Club
JICA | Japan International Cooperation Agency
JETRO | Japan External Trade Organization
JBIC | Japan Bank for International Cooperation
NEXI | Nippon Export and Investment Insurance
JOGMEC | Japan Organization for Metals and Energy Security
USAID | United States Agency for International Development
USAID | U.S. Agency for International Development
KOICA | Korea International Cooperation Agency
GIZ | Deutsche Gesellschaft für Internationale Zusammenarbeit
DFC | U.S. International Development Finance Corporation
"""


def _known_table() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """name key -> canonical label, and canonical label -> every form."""
    keys: dict[str, str] = {}
    forms: dict[str, frozenset[str]] = {}
    for line in _KNOWN_ORGS.strip().splitlines():
        label, rest = (part.strip() for part in line.split("|"))
        names = {label, *(n.strip() for n in rest.split(";") if n.strip())}
        forms[label] = forms.get(label, frozenset()) | names
        for name in names:
            keys[name if _is_acronym_form(name) else normalize_key(name)] = label
    return keys, forms


def _is_acronym_form(name: str) -> bool:
    """A short form matched with its exact case ("WHO", not "who")."""
    return " " not in name and sum(ch.isupper() for ch in name) >= 2


_KNOWN_KEYS, _KNOWN_FORMS = _known_table()
_KNOWN_NAMES = re.compile(
    capitalised_trie(k for k in _KNOWN_KEYS if not _is_acronym_form(k)) + r"(?![\w-])"
)
_KNOWN_ACRONYMS = re.compile(
    trie_pattern(k for k in _KNOWN_KEYS if _is_acronym_form(k)) + r"(?![\w])"
)

_ORG_HEAD = re.compile(trie_pattern(_ORG_HEADS) + r"(?![\w'’-]|\s+[A-Z][a-z])")
_COMPLEMENT = re.compile(rf"\s+(?P<conn>of|for|on|in)\s+(?:the\s+)?(?P<unit>{_UNIT})")
_SIMPLE_COMPLEMENT = re.compile(rf"\s+(?P<conn>of|for|on|in)\s+(?:the\s+)?(?P<unit>{_SIMPLE_UNIT})")


@lru_cache(maxsize=4096)
def _known_label(written: str) -> str | None:
    key = written if _is_acronym_form(written) else normalize_key(written)
    return _KNOWN_KEYS.get(key)


def _preferred(label: str, acronyms: Mapping[str, str]) -> str:
    """A known organisation's label, replaced by the statement's own acronym for
    it when the statement defines one."""
    for form in _KNOWN_FORMS.get(label, ()):
        if form in acronyms:
            return form
    return label


def _is_org_expansion(acronym: str, expansion: str) -> bool:
    """Whether a defined acronym names an organisation: a known one, or one
    whose expansion ends in a head noun ('... Agency') or has a head noun with
    a complement ('Center for International Private Enterprise')."""
    if _known_label(acronym) or _known_label(expansion):
        return True
    words = [w for w in _SPACES.split(expansion) if w]
    if not words or _is_project_word(words[-1]):
        return False
    if words[-1] in _ORG_HEADS:
        return True
    return any(w in _ORG_HEADS and nxt in ("of", "for", "on") for w, nxt in pairwise(words))


def _is_project_expansion(acronym: str, expansion: str, presented: frozenset[str]) -> bool:
    """Whether a defined acronym names a project, programme, initiative or event."""
    if _is_org_expansion(acronym, expansion) or _INSTRUMENT_WORD.search(expansion):
        return False
    if acronym in presented:
        return True
    return any(_is_project_word(w) for w in _WORD_SPLIT.split(expansion))


def _is_project_word(word: str) -> bool:
    return word in _PROJECT_WORDS or (len(word) > 4 and word.lower().endswith("expo"))


@dataclass(frozen=True)
class _AcronymMatcher:
    """Finds a set of defined acronyms (exact case) and their expansions
    (capitalised, any case after the first letter, line breaks allowed)."""

    acronyms: re.Pattern[str] | None
    expansions: re.Pattern[str] | None
    by_expansion: dict[str, str]


@lru_cache(maxsize=256)
def _matcher(pairs: tuple[tuple[str, str], ...]) -> _AcronymMatcher:
    by_expansion = {normalize_key(e): a for a, e in pairs if e[:1].isupper()}
    acronyms = [a for a, _ in pairs if a]
    return _AcronymMatcher(
        re.compile(trie_pattern(acronyms) + r"(?![\w-])") if acronyms else None,
        re.compile(capitalised_trie(by_expansion) + r"(?![\w-])") if by_expansion else None,
        by_expansion,
    )


@lru_cache(maxsize=256)
def _mapping(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The acronyms as a dict again (read only)."""
    return dict(items)


@lru_cache(maxsize=16)
def _defined_spans(text: str, items: tuple[tuple[str, str], ...]) -> tuple[_Span, ...]:
    """Where any defined acronym or its expansion occurs, labelled by acronym
    (organisations and projects share this scan)."""
    return tuple(_acronym_spans(text, items))


def _acronym_spans(text: str, pairs: tuple[tuple[str, str], ...]) -> Iterator[_Span]:
    """Where the given acronyms or their expansions occur, labelled by acronym."""
    if not pairs:
        return
    matcher = _matcher(pairs)
    if matcher.acronyms is not None:
        for match in matcher.acronyms.finditer(text):
            if _word_start(text, match.start()):
                yield _Span(match.start(), match.end(), match.group(), 0)
    if matcher.expansions is not None:
        for match in matcher.expansions.finditer(text):
            acronym = matcher.by_expansion.get(normalize_key(match.group()))
            if acronym and _word_start(text, match.start()):
                yield _Span(match.start(), match.end(), acronym, 0)


def _strip_leading(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop words that open a sentence or a phrase and everything up to a
    possessive ("JICA's Knowledge ... Program" -> "Knowledge ... Program")."""
    for i in range(len(tokens) - 1, -1, -1):
        if _POSSESSIVE.search(tokens[i][2]):
            tokens = tokens[i + 1 :]
            break
    while tokens and (tokens[0][2] in _STOP_STARTS or tokens[0][2] in _MONTH_WORDS):
        tokens = tokens[1:]
    return tokens


def _complements(text: str, pos: int, head: str) -> int:
    """The end of the "of/for/on X" complements that belong to an organisation's
    name, starting at ``pos`` (the end of its head noun)."""
    count = 0
    while count < 3:
        match = _COMPLEMENT.match(text, pos)
        if match and _bad_unit(match.group("unit")):
            match = _SIMPLE_COMPLEMENT.match(text, pos)
        if not match:
            break
        unit = match.group("unit")
        # "Council of the European Union" is a body of its own; "Asian
        # Development Fund of the ADB" names two organisations
        body_of = head in _BODY_HEADS and count == 0 and _known_label(_clean(unit)) is not None
        if not body_of and _bad_unit(unit, strict=True):
            break
        conn = match.group("conn")
        if conn == "in" and head not in _PLACED_HEADS:
            break
        pos = match.end()
        count += 1
    return pos


def _bad_unit(unit: str, *, strict: bool = False) -> bool:
    """A complement that is not part of the name: another organisation, a date,
    a number; ``strict=False`` only checks for a second organisation."""
    words = [w for w in _LIST_SPLIT.split(unit) if w]
    if any(_POSSESSIVE.search(w) for w in words):
        return True
    inner_org = any(w in _ORG_HEADS for w in words[1:]) or (
        len(words) > 1 and bool(_known_label(words[-1]))
    )
    if not strict:
        return inner_org or (" and " in unit and any(w in _ORG_HEADS for w in words))
    if words[0] in _MONTH_WORDS or words[0] in _STOP_STARTS:
        return True
    if _known_label(unit) or (len(words) == 1 and _known_label(words[0])):
        return True
    return not any(w[0].isalpha() and w not in _MONTH_WORDS for w in words)


def _pattern_orgs(text: str) -> Iterator[_Span]:
    """Organisations found by their head noun: 'Tajik National University',
    'Ministry of Economy, Trade and Industry of Japan', 'Embassy of Japan in
    Tajikistan', 'Government of Japan'."""
    for match in _ORG_HEAD.finditer(text):
        if not _word_start(text, match.start()):
            continue
        head = match.group()
        mods = _strip_leading(_tokens_before(text, match.start()))
        while mods and (_YEARISH.match(mods[0][2]) or _ORDINAL.match(mods[0][2])):
            mods = mods[1:]
        end = _complements(text, match.end(), head)
        has_complement = end > match.end()
        if not has_complement and (
            head in _PLURAL_HEADS or not any(m[2] not in _GENERIC for m in mods)
        ):
            continue
        if head in _STATE_HEADS and not mods and not _names_state(text, match.end(), end):
            continue  # "Heads of State and Government of the Member States"
        start = mods[0][0] if mods else match.start()
        name = _clean(text[start:end])
        if head not in _GOVERNMENT_HEADS:
            name = _drop_owner(name)
        if is_country_name(name) or (
            head in ("Union", "Federation") and _in_state_name(text, start, end)
        ):
            continue
        yield _Span(start, end, name, 2)


def _in_state_name(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside a state's formal name ('the Republic of the
    Union of Myanmar')."""
    lo = max(0, start - 40)
    return any(lo + m.start <= start and end <= lo + m.end for m in mentions(text[lo : end + 5]))


_STATE_HEADS = frozenset(("Government", "Embassy", "Consulate"))
_OF_THE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")


def _names_state(text: str, start: int, end: int) -> bool:
    """Whether the complement after a head such as 'Government' starts with
    the name of a state ('of Japan', 'of the Republic of Korea')."""
    lead = _OF_THE.match(text, start, end)
    if not lead:
        return False
    found = mentions(text[lead.end() : end], require_head=False)
    return bool(found) and found[0].start == 0 and not found[0].country.is_union


_OWNER = re.compile(r"^(?P<name>.+?)\s+(?:of\s+(?:the\s+)?(?P<of>[^,]+)|\((?P<paren>[^()]+)\))$")


def _drop_owner(name: str) -> str:
    """'Akita University of Japan' -> 'Akita University' (the country adds
    nothing to a proper name); 'National University of Singapore' stays."""
    match = _OWNER.match(name)
    if not match:
        return name
    owner = match.group("of") or match.group("paren") or ""
    rest = match.group("name")
    proper = [w for w in rest.split() if w not in _GENERIC and w not in _ORG_HEADS]
    if is_country_name(owner) and proper and not is_country_name(" ".join(proper)):
        return rest
    return name


def _known_spans(text: str, acronyms: Mapping[str, str]) -> Iterator[_Span]:
    for pattern in (_KNOWN_NAMES, _KNOWN_ACRONYMS):
        for match in pattern.finditer(text):
            before = text[match.start() - 1] if match.start() else " "
            if before.isalnum() or before == "_":
                continue  # inside a word; "Japan-EU" and "AU–EU" do count
            label = _known_label(match.group())
            if label:
                yield _Span(match.start(), match.end(), _preferred(label, acronyms), 1)


@lru_cache(maxsize=256)
def _org_pairs(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The defined acronyms that name organisations (not already known ones)."""
    return tuple((a, e) for a, e in items if _is_org_expansion(a, e) and not _known_label(e))


@lru_cache(maxsize=256)
def _project_pairs(
    items: tuple[tuple[str, str], ...], presented: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    """The defined acronyms that name projects, programmes and events."""
    return tuple((a, e) for a, e in items if _is_project_expansion(a, e, presented))


def find_organizations(text: str, acronyms: Mapping[str, str]) -> list[str]:
    """Organisations named in text, by acronym when the statement defines one ('JICA', 'ADB',
    'WCO'), else by name ('World Bank', 'Ministry of Economy, Trade and Industry of Japan',
    'Japan Foundation', 'Tajik National University', 'Embassy of Japan in Tajikistan'). A
    defined acronym counts when either the acronym or its expansion appears (also in possessive
    'JICA's'). Include organisations known without definition (United Nations, World Bank, IMF,
    ASEAN, G7, G20, EU, NATO, APEC, OECD, WTO, IAEA ...), and pattern-found ones
    (Ministry/Ministries of ..., Agency, Bank, Fund, Organization/Organisation, Council,
    Commission, Secretariat, University, Academy, Foundation, Center/Centre, Institute, Embassy
    of ..., Government of X). Not countries themselves (those are parties).

    Well-known organisations get one label however they are written (``UN``
    for both "United Nations" and "UN"), unless the statement defines its own
    acronym for them.  A country's name after a university or foundation is
    dropped ('Akita University of Japan' -> 'Akita University'); after a
    ministry, embassy or government it is kept.
    """
    items = tuple(acronyms.items())
    if len(text) > _CACHED_LENGTH:
        return list(_organizations.__wrapped__(text, items))
    return list(_organizations(text, items))


# The public functions are pure; statements repeat sentences (and the parser may
# ask twice), so results are kept per text: texts of item size only, so that the
# caches stay small.
_CACHED_LENGTH = 5000


@lru_cache(maxsize=4096)
def _organizations(text: str, items: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    acronyms = _mapping(items)
    wanted = {a for a, _ in _org_pairs(items)}
    named = [
        *(s for s in _defined_spans(text, items) if s.label in wanted),
        *_known_spans(text, acronyms),
    ]
    spans = [*named, *_pattern_orgs(text)]
    return tuple(_unique(s.label for s in _resolve(spans)))


# --------------------------------------------------------------------------
# instruments

_TYPED_INSTRUMENTS: tuple[tuple[str, str], ...] = (
    (r"(?i:\bexchanges?\s+of\s+notes?\b)|(?<![\w/])E/N(?![\w/])", "Exchange of Notes"),
    (r"(?i:\bmemorand(?:um|a)\s+of\s+cooperation\b)|\bM[Oo]Cs?\b", "Memorandum of Cooperation"),
    (r"(?i:\bmemorand(?:um|a)\s+of\s+understanding\b)|\bM[Oo]Us?\b", "Memorandum of Understanding"),
    (r"(?i:\bmemorand(?:um|a)\s+of\s+implementation\b)", "Memorandum of Implementation"),
    (r"(?i:\bletters?\s+of\s+arrangement\b)", "Letter of Arrangement"),
    (r"(?i:\bletters?\s+of\s+intent\b)", "Letter of Intent"),
    (r"(?i:\bstatements?\s+of\s+intent\b)", "Statement of Intent"),
    (r"(?i:\bdeclarations?\s+of\s+intent\b)", "Declaration of Intent"),
    (r"(?i:\brecords?\s+of\s+discussions?\b)", "Record of Discussions"),
    (
        r"(?i:\b(?:Japanese\s+)?(?:ODA|official\s+development\s+assistance(?:\s*\(ODA\))?|yen)"
        r"\s+loans?\b)",
        "ODA Loan",
    ),
    (r"(?i:\bloans?\b)", "loan"),
    (r"(?i:\btechnical\s+cooperation\s+projects?\b)", "technical cooperation project"),
    (r"(?i:\bgrants?(?:\s+aid)?\b)(?!-)", "grant"),
    (
        r"\bCharter\s+of\s+the\s+United\s+Nations\b|\b(?:UN|United\s+Nations)\s+Charter\b",
        "Charter of the United Nations",
    ),
)
# Each typed instrument is looked for only around a piece of its key word.
_TYPED = tuple(re.compile(p) for p, _ in _TYPED_INSTRUMENTS)
_TYPED_BY_ANCHOR: dict[str, tuple[int, ...]] = {
    "otes": (0,),
    "ote": (0,),
    "E/N": (0,),
    "emorand": (1, 2, 3),
    "MOC": (1,),
    "MoC": (1,),
    "MOU": (2,),
    "MoU": (2,),
    "rrangement": (4,),
    "ntent": (5, 6, 7),
    "iscussion": (8,),
    "oan": (9, 10),
    "ooperation project": (11,),
    "rant": (12,),
    "harter": (13,),
}
_TYPED_ANCHOR = re.compile(trie_pattern(_TYPED_BY_ANCHOR))

# Something an instrument's name must contain: most sentences have none.
_INSTRUMENT_GATE = re.compile(
    trie_pattern(
        _words(
            """
            otes ote emorand rrangement ntent iscussion oan rant harter MOC MoC MOU MoU E/N
            esolution Agreement Treaty Convention Protocol Accord Declaration Communiqu
            Statement Plan Covenant Pact
            """
        )
        | {"ooperation project"}
    )
)
_NAMED_GRANT = re.compile(rf"Grant(?:\s+Assistance|\s+Aid)?\s+for\s+{_SIMPLE_UNIT}")
_RESOLUTION_ANCHOR = re.compile(r"esolution")
_RESOLUTION_NUMBER = re.compile(
    r"(?:\b(?:UN|United\s+Nations)\s+)?(?:\b(?:General\s+Assembly|Security\s+Council|UNGA|UNSC"
    r"|Human\s+Rights\s+Council)\s+)?\b(?P<word>[Rr]esolutions?)\s+(?:No\.?\s*)?"
    r"(?P<num>\d{1,5}(?:/\d{1,5})?)(?![\w/])"
)
_RESOLUTION_TITLED = re.compile(
    r"\b[Rr]esolutions?\s+(?:titled|entitled|on)\s+[\"“](?P<title>[^\"“”\n]{3,200})[\"”]"
)
_INSTRUMENT_HEAD = re.compile(
    trie_pattern(
        _words(
            """
            Agreement Treaty Convention Protocol Accord Charter Declaration Communiqué
            Communique Statement Plan Covenant Pact
            """
        )
    )
    + r"(?![\w'’-])"
)
_BETWEEN = re.compile(
    rf"\s+between\s+(?:the\s+)?{_SIMPLE_UNIT}(?:\s+of\s+(?:the\s+)?{_SIMPLE_UNIT})?"
    rf"\s+and\s+(?:the\s+)?{_SIMPLE_UNIT}(?:\s+of\s+(?:the\s+)?{_SIMPLE_UNIT})?"
)
_INSTRUMENT_COMPLEMENT = re.compile(
    rf"\s+(?P<conn>on|of|for|concerning|regarding|toward|towards|in)\s+(?:the\s+)?"
    rf"(?P<unit>{_UNIT}|{_UNIT_Q})"
)
_SHORT_NAME = re.compile(r"\s*\((?P<short>[A-Z][\w'’ -]{2,60})\)")
_LEADING_YEAR = re.compile(r"^(?:(?:1[89]|2\d)\d\d\s+)+")
_QUOTED = re.compile(r"“(?P<c>[^“”\n]{2,200})”|\"(?P<s>[^\"\n]{2,200})\"")


def _instrument_label(raw: str) -> str:
    label = _LEADING_YEAR.sub("", _clean(raw))
    return label.strip(" ,;:")


def _instrument_end(text: str, end: int) -> int:
    """The end of an instrument's name after its head noun: 'between X and Y',
    then up to four 'on/of/for ...' complements."""
    between = _BETWEEN.match(text, end)
    if between:
        end = between.end()
    count = 0
    while count < 4:
        if not between:
            between = _BETWEEN.match(text, end)
            if between:
                end = between.end()
        comp = _INSTRUMENT_COMPLEMENT.match(text, end)
        if not comp or (comp.group("conn") == "in" and count == 0):
            break
        words = comp.group("unit").split()
        if words[0] in _MONTH_WORDS or not any(
            w[0].isalpha() and w not in _MONTH_WORDS for w in words
        ):
            break
        end = comp.end()
        count += 1
    return end


def _named_instruments(text: str) -> Iterator[_Span]:
    """Instruments named by a head noun: 'Paris Agreement', 'Agreement between
    Japan and ... for the Liberalization, Promotion and Protection of
    Investment', 'Treaty on the Non-Proliferation of Nuclear Weapons'."""
    for match in _INSTRUMENT_HEAD.finditer(text):
        if not _word_start(text, match.start()):
            continue
        head = match.group()
        pre = _tokens_before(text, match.start(), lists=True)
        while pre and (
            pre[0][2] in _STOP_STARTS or pre[0][2] in _MONTH_WORDS or pre[0][2] == "and"
        ):
            pre = pre[1:]
        words = [w for _, _, w in pre]
        if head == "Plan" and (not words or words[-1] != "Action"):
            continue
        start = pre[0][0] if pre else match.start()
        end = _instrument_end(text, match.end())
        complemented = end > match.end()
        if head == "Statement":
            naming = [w for w in words if w not in ("Joint", "Press")]
            joint = len(naming) < len(words)
            if not ((joint and (naming or complemented)) or (naming and complemented)):
                continue
        before = text[max(0, start - 12) : start].lower().split()
        if before and before[-1] in ("this", "present", "these"):
            continue
        label = _instrument_label(text[start:end])
        short = _SHORT_NAME.match(text, end)
        if short and any(h in short.group("short") for h in ("Declaration", "Agreement", "Treaty")):
            label = short.group("short").strip()
            end = short.end()
        if label:
            yield _Span(start, end, label, 1)


def _quoted_instruments(text: str) -> Iterator[_Span]:
    """Quoted titles that name an instrument: the whole title is the label."""
    for match in _QUOTED.finditer(text):
        inner = match.group("c") or match.group("s") or ""
        if _INSTRUMENT_WORD.search(inner) and inner[:1].isupper():
            yield _Span(match.start(), match.end(), _instrument_label(inner), 0)


def _typed_instruments(text: str) -> Iterator[_Span]:
    """Instruments with a fixed label, found around their anchors."""
    for anchor in _TYPED_ANCHOR.finditer(text):
        lo, hi = max(0, anchor.start() - 48), min(len(text), anchor.end() + 32)
        for index in _TYPED_BY_ANCHOR[anchor.group()]:
            for match in _TYPED[index].finditer(text, lo, hi):
                yield _Span(match.start(), match.end(), _TYPED_INSTRUMENTS[index][1], 0)


def _resolutions(text: str) -> Iterator[_Span]:
    """'UN General Assembly Resolution 77/158', 'the resolution titled "..."'."""
    anchors = [m.start() for m in _RESOLUTION_ANCHOR.finditer(text)]
    for lo, hi in _windows(anchors, 60, 260, len(text)):
        for match in _RESOLUTION_NUMBER.finditer(text, lo, hi):
            # the span starts at "Resolution": the body that adopted it stays
            # an organisation ("UN General Assembly")
            start = match.start("word")
            yield _Span(start, match.end(), f"Resolution {match.group('num')}", 0)
        for match in _RESOLUTION_TITLED.finditer(text, lo, hi):
            title = _clean(match.group("title"))
            yield _Span(match.start(), match.end(), f"Resolution “{title}”", 0)


# find_instruments and find_projects (which must not list an instrument's name as
# a project) usually read the same item one after the other: keep the last few.
@lru_cache(maxsize=8)
def _instrument_spans(text: str) -> tuple[_Span, ...]:
    """Every instrument named in ``text``, as non-overlapping spans."""
    if not _INSTRUMENT_GATE.search(text):
        return ()
    spans: list[_Span] = [*_typed_instruments(text), *_resolutions(text)]
    spans.extend(
        _Span(m.start(), m.end(), _clean(m.group()), 1)
        for m in _NAMED_GRANT.finditer(text)
        if _word_start(text, m.start())
    )
    spans.extend(_named_instruments(text))
    spans.extend(_quoted_instruments(text))
    return tuple(_resolve(spans))


def find_instruments(text: str) -> list[str]:
    """Legal or financial instruments named: 'Exchange of Notes', 'Memorandum of Cooperation',
    'Memorandum of Understanding', 'Memorandum of Implementation', 'Letter of Arrangement',
    'Agreement' (with its name when given: 'Agreement between Japan and the Republic of
    Tajikistan for the Liberalization, Promotion and Protection of Investment'), 'grant',
    'loan', 'ODA Loan', 'technical cooperation project', 'Treaty ...', 'Convention ...',
    'Resolution 77/158', 'Joint Declaration', 'Action Plan', ... normalised so that the same
    instrument gets the same label across items.

    Generic instruments get a fixed label whatever the wording ('exchange of
    note' -> 'Exchange of Notes', 'grants' -> 'grant', 'Japanese ODA loan' ->
    'ODA Loan', 'UN Charter' -> 'Charter of the United Nations'); named ones keep
    their name without article or leading year ('the 1991 Joint Declaration' ->
    'Joint Declaration'), or the short name the statement gives them in
    parentheses ('... (Tokyo Declaration)').  Lower-case 'agreement' is not an
    instrument; 'this Joint Statement' (the statement itself) is not listed.
    """
    if len(text) > _CACHED_LENGTH:
        return list(_instruments.__wrapped__(text))
    return list(_instruments(text))


@lru_cache(maxsize=4096)
def _instruments(text: str) -> tuple[str, ...]:
    return tuple(_unique(s.label for s in _instrument_spans(text)))


# --------------------------------------------------------------------------
# projects

_PROJECT_CONN = r"(?:(?:of|for|on|in|to|with|plus|against)(?:\s+the)?|and)"
# What may follow a name word inside a name: more name words, joined by "of",
# "of the", "and"..., quoted names, an "(ACR)" between two words.
_PROJECT_TAIL = re.compile(
    rf"(?:(?:\s+{_PROJECT_CONN})?\s+(?:{_TOKEN}|{_QUOTED_TOKEN})"
    rf"|\s*\([A-Za-z]{{2,10}}\)(?=\s+[A-Z])){{0,14}}"
)
_CONNECTORS = _words("of for on in to with plus against the and")
_PAREN_WORD = re.compile(r"\([A-Za-z]{2,10}\)")
_PROJECT_ANCHOR = re.compile(trie_pattern(_PROJECT_WORDS))
_SPAN_TOKENS = re.compile(rf"{_QUOTED_TOKEN}|[^\s]+")
_NAMING_VERB = re.compile(
    r"(?i:\b(?:named|called|titled|entitled|dubbed|so-called|known\s+as)\s*$)"
)
_GLOSS = re.compile(r"\([a-z][^()]*\)")
_FOLLOWING_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")
_TRAILING_PLACE = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w' -]+)$")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Za-z][\w&-]{1,10})\)")
_TRAILING_ACRONYM = re.compile(r"\s*\((?P<a>[A-Za-z]{2,10})\)$")


def _is_distinctive(word: str) -> bool:
    """Whether a word of a Title Case phrase makes it a proper name."""
    word = _POSSESSIVE.sub("", word)
    if word in _GENERIC or word in _SMALL_WORDS or _ORDINAL.match(word):
        return False
    if word in _PROJECT_WORDS:
        return False
    if word[:1] in '“"' or _YEARISH.match(word) or _is_project_word(word):
        return True
    return not is_country_name(word)


def _project_label(raw: str, acronyms: Mapping[str, str]) -> str:
    """A project's label: the statement's acronym when it defines one for the
    name, else the name without article, outer quotes or trailing place."""
    label = _clean(raw)
    trailing = _TRAILING_ACRONYM.search(label)
    if trailing and trailing.group("a") in acronyms:
        return trailing.group("a")
    place = _TRAILING_PLACE.search(label)
    if place and is_country_name(place.group(1)):
        label = label[: place.start()]
    if label[:1] in '“"' and label[-1:] in '”"':
        label = _clean(label[1:-1])
    return _expansion_index(tuple(acronyms.items())).get(normalize_key(label), label)


@lru_cache(maxsize=256)
def _expansion_index(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Normalised expansion -> acronym, for naming a phrase by its acronym."""
    index: dict[str, str] = {}
    for acronym, expansion in items:
        index.setdefault(normalize_key(expansion), acronym)
    return index


def _title_projects(text: str, acronyms: Mapping[str, str]) -> Iterator[_Span]:
    """Title Case names holding a word such as Project, Dialogue, Forum: the
    run of name words around each such word is read, then split and trimmed."""
    covered = -1
    for anchor in _PROJECT_ANCHOR.finditer(text):
        if anchor.start() < covered:
            continue
        run = _run_around(text, anchor.start())
        if not run:
            continue
        covered = run[-1][1]
        for segment in _split_names(run):
            segment = _trim_project(_strip_leading(segment))
            words = [w for _, _, w in segment]
            if not any(_is_project_word(_POSSESSIVE.sub("", w)) for w in words):
                continue
            if not any(_is_distinctive(w) for w in words if w not in _SMALL_WORDS):
                continue
            start, end = segment[0][0], segment[-1][1]
            raw = text[start:end]
            if _INSTRUMENT_WORD.search(raw) or _known_label(_clean(raw)):
                continue
            label = _project_label(raw, acronyms)
            after = _ACRONYM_AFTER.match(text, end)
            if after and after.group(1) in acronyms:
                label = after.group(1)  # "India-Japan Clean Energy Partnership (CEP)"
            yield _Span(start, end, label, 1)


def _run_around(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The run of name words (with 'of the', 'and'... between them, quoted
    names and "(ACR)" included) around the word at ``pos``."""
    start = pos
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-‐‑–'’+&/_"):
        start -= 1
    word = _TOKEN_RE.match(text, start)
    if not word or word.end() <= pos:
        return []
    tail = _PROJECT_TAIL.match(text, word.end())
    after = (
        [
            (tail.start() + m.start(), tail.start() + m.end(), m.group())
            for m in _SPAN_TOKENS.finditer(tail.group())
        ]
        if tail
        else []
    )
    return [*_words_before(text, start), (start, word.end(), word.group()), *after]


def _joins(connectors: list[str]) -> bool:
    """Whether words met walking back (nearest first) may join two name words:
    nothing, 'of', 'and', or 'of the'."""
    if not connectors:
        return True
    if len(connectors) == 1:
        return connectors[0] != "the"
    return connectors[0] == "the" and connectors[1] not in ("the", "and")


def _words_before(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The name words before ``pos`` that belong to the same run, walking back
    over at most 14 words; connectors count only between name words."""
    taken: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []
    end = pos
    while len(taken) < 14:
        gap = end
        while gap > 0 and text[gap - 1] in " \t\r\n":
            gap -= 1
        if gap == end or gap == 0:
            break
        lo = max(0, gap - 130)
        quoted = text[gap - 1] in '”"'
        if quoted:
            start = text.rfind("“" if text[gap - 1] == "”" else '"', lo, gap - 1)
            if start < 0:
                break
        else:
            cuts = (text.rfind(" ", lo, gap), text.rfind("\n", lo, gap), text.rfind("\t", lo, gap))
            start = max(cuts) + 1
        word = text[start:gap]
        lead = 0 if quoted else len(word) - len(word.lstrip("*_["))
        if word in _CONNECTORS and len(pending) < 2:
            pending.append((start, gap, word))
        elif (
            quoted or _TOKEN_FULL.fullmatch(word, lead) or _PAREN_WORD.fullmatch(word)
        ) and _joins([w for _, _, w in pending]):
            taken.extend(pending)
            pending = []
            taken.append((start + lead, gap, word[lead:]))
            if lead:
                break  # markup opens the run
        else:
            break
        end = start
    return taken[::-1]


def _trim_project(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut what follows a name: 'in May 2026', 'in 2025', 'in Dushanbe',
    'in Tajikistan' (a date or a place after the name is not part of it)."""
    for i, (_, _, word) in enumerate(tokens[:-1]):
        following = tokens[i + 1][2]
        if word in ("in", "on") and (following in _MONTH_WORDS or following[:1].isdigit()):
            tokens = tokens[:i]
            break
        if word == "in" and i and _is_project_word(tokens[i - 1][2]):
            tokens = tokens[:i]  # "G20 Summit in New Delhi": the place is not the name
            break
    while tokens and tokens[0][2] in _SMALL_WORDS:
        tokens = tokens[1:]
    words = [w for _, _, w in tokens]
    for k in range(min(len(words) - 1, 7), 0, -1):
        # "the Republic of India for the Mumbai-Ahmedabad High Speed Rail Project"
        if words[k] in _CONNECTORS and is_country_name(" ".join(words[:k])):
            tokens = tokens[k:]
            while tokens and tokens[0][2] in _SMALL_WORDS:
                tokens = tokens[1:]
            break
    while True:
        while tokens and tokens[-1][2] in _SMALL_WORDS:
            tokens = tokens[:-1]
        if len(tokens) > 2 and tokens[-2][2] == "in":
            tokens = tokens[:-2]
        elif (
            len(tokens) > 3
            and tokens[-3][2] == "in"
            and is_country_name(tokens[-2][2] + " " + tokens[-1][2])
        ):
            tokens = tokens[:-3]
        else:
            return tokens


def _split_names(
    tokens: list[tuple[int, int, str]],
) -> Iterator[list[tuple[int, int, str]]]:
    """Split a run of Title Case words where one name ends and another begins:
    after a singular possessive ("Pacific Islands Forum’s 2050 Strategy"),
    at "and" after a complete name ("National Defense Strategy and Defense
    Buildup Program"), before a word that opens a sentence ("The") or a month."""
    current: list[tuple[int, int, str]] = []
    in_date = False
    for start, end, word in tokens:
        cut = _POSSESSIVE.search(word)
        if cut:
            current.append((start, start + cut.start(), word[: cut.start()]))
            yield current
            current = []
        elif word == "and" and current and _is_project_word(current[-1][2]):
            yield current
            current = []
        elif word in _MONTH_WORDS:
            # a date inside a run of names ends the name before it: "... Summit
            # of 7 September 2016"
            while current and (current[-1][2][:1].isdigit() or current[-1][2] in _CONNECTORS):
                current.pop()
            if current:
                yield current
            current = []
            in_date = True
        elif in_date and word[:1].isdigit():
            continue
        elif current and word in _SENTENCE_OPENERS:
            yield current
            current = [(start, end, word)]
        else:
            current.append((start, end, word))
            in_date = False
    if current:
        yield current


def _quoted_projects(text: str, acronyms: Mapping[str, str]) -> Iterator[_Span]:
    """Quoted names: “Improving Climate Resilient Pasture Management”, the
    "Central Asia plus Japan" Dialogue, “One Village, One Product (OVOP)”."""
    if '"' not in text and "“" not in text:
        return
    for match in _QUOTED.finditer(text):
        inner = _clean(match.group("c") or match.group("s") or "")
        if not inner or not (inner[0].isupper() or inner[0].isdigit()):
            continue
        inner = inner.rstrip(",.;:")  # American style puts the comma inside the quotes
        if not inner or _GLOSS.search(inner) or _INSTRUMENT_WORD.search(inner):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if "hereinafter" in before.lower() or _AFTER_RESOLUTION.search(before):
            continue
        words = [w for w in _WORD_SPLIT.split(inner) if w]
        letters = sum(map(str.isalpha, inner))
        if letters < 2 or len(words) > 20:
            continue
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        capitalised = sum(1 for w in content if w[:1].isupper())
        titled = capitalised * 2 >= len(content)
        keyword = any(_is_project_word(w) for w in words)
        if not (titled or keyword or _NAMING_VERB.search(before)):
            continue
        end = match.end()
        label = _project_label(inner, acronyms)
        follow = _FOLLOWING_WORD.match(text, end)
        if follow and follow.group(1) in _PROJECT_WORDS and label == inner:
            label = f"{inner} {follow.group(1)}"
            end = follow.end()
        yield _Span(match.start(), end, label, 0)


def _inside(span: _Span, spans: tuple[_Span, ...], starts: list[int]) -> bool:
    """Whether ``span`` lies within one of ``spans`` (sorted, not overlapping,
    starting at ``starts``)."""
    i = bisect_right(starts, span.start) - 1
    return i >= 0 and spans[i].end >= span.end


def find_projects(text: str, acronyms: Mapping[str, str]) -> list[str]:
    """Named projects, programmes, initiatives, events: quoted names (straight or curly quotes;
    strip 'the' and the quotes), Title Case names ending in or containing
    Project/Program(me)/Initiative/ Partnership/Process/Dialogue/Conference/Workshop/Expo/Forum/
    Summit/Framework/Strategy/Plan/Route/ Corridor, and acronyms the statement defines for such
    names ('JDS', 'OVOP', 'SATREPS', 'LITACA').

    A Title Case phrase needs a distinctive word besides the keyword and
    countries ('Strategic Partnership', 'Summit Meeting' are not names); names
    of instruments and of known organisations are left to the other lists;
    a quoted phrase must look like a name (capitalised, no trailing comma, no
    lower-case gloss such as “Budo (martial arts)”), and a quoted title after
    'resolution titled' is an instrument.
    """
    items, quoted = tuple(acronyms.items()), _project_acronyms(acronyms)
    if len(text) > _CACHED_LENGTH:
        return list(_projects.__wrapped__(text, items, quoted))
    return list(_projects(text, items, quoted))


@lru_cache(maxsize=4096)
def _projects(
    text: str, items: tuple[tuple[str, str], ...], quoted: frozenset[str]
) -> tuple[str, ...]:
    acronyms = _mapping(items)
    wanted = {a for a, _ in _project_pairs(items, quoted)}
    blocked = _instrument_spans(text)
    spans = [
        *(s for s in _defined_spans(text, items) if s.label in wanted),
        *_quoted_projects(text, acronyms),
        *_title_projects(text, acronyms),
    ]
    starts = [b.start for b in blocked]
    kept = [s for s in spans if not _inside(s, blocked, starts) and not _known_label(s.label)]
    return tuple(_unique(s.label for s in _resolve(kept)))

"""Projects, programmes, initiatives and events named in a statement."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from itertools import pairwise

from .acronyms import as_dict
from .gazetteer import is_country_name, normalize_key, trie_pattern
from .instruments import INSTRUMENT_WORD
from .names import (
    GENERIC_WORDS,
    MONTH_WORDS,
    NAME_RUN,
    ORDINAL,
    POSSESSIVE,
    PROJECT_WORDS,
    QUALIFIER,
    QUOTED,
    QUOTED_TOKEN,
    SENTENCE_OPENERS,
    SMALL_WORDS,
    STOP_STARTS,
    TOKEN,
    TOKEN_RE,
    WORD_SPLIT,
    YEARISH,
    NameIndex,
    Span,
    clean_name,
    data_lines,
    is_project_word,
    resolve_spans,
    strip_leading,
    word_set,
)
from .organisations import (
    COMPLEMENT_HEADS,
    ORG_HEADS,
    defined_spans,
    is_org_expansion,
    known_label,
)

_MOTTO = re.compile(r"(?i:\b(?:theme|catchphrase|slogan|motto|tagline)s?\b)")
_AFTER_RESOLUTION = re.compile(r"(?i:resolutions?\s+\w*\s*$)")


def _is_project_expansion(acronym: str, expansion: str, presented: frozenset[str]) -> bool:
    """Whether a defined acronym names a project, programme, initiative or event."""
    if is_org_expansion(acronym, expansion) or INSTRUMENT_WORD.search(expansion):
        return False
    if _names_a_relationship(WORD_SPLIT.split(expansion)):
        return False  # "Comprehensive Strategic Partnership (CSP)"
    if acronym in presented:
        return True
    return any(is_project_word(w) for w in WORD_SPLIT.split(expansion))


@lru_cache(maxsize=256)
def _project_pairs(
    items: tuple[tuple[str, str], ...], presented: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    """The defined acronyms that name projects, programmes and events."""
    return tuple((a, e) for a, e in items if _is_project_expansion(a, e, presented))


_PROJECT_CONN = r"(?:(?:of|for|on|in|to|with|plus|against)(?:\s+the)?|and)"
# What may follow a name word inside a name: more name words, joined by "of",
# "of the", "and"..., quoted names, an "(ACR)" between two words.
_PROJECT_TAIL = re.compile(
    rf"(?:(?:\s+{_PROJECT_CONN})?\s+(?:{TOKEN}|{QUOTED_TOKEN})"
    # a list inside the name, closed by "and": "on the Recovery, Reconstruction and
    # Modernisation of Ukraine", "for Forest, Nature and Climate"
    rf"|(?:,\s+{TOKEN}){{1,3}},?\s+and\s+{TOKEN}"
    rf"|\s*\([A-Za-z]{{2,10}}\)(?=\s+[A-Z])){{0,14}}"
)
_CONNECTORS = word_set("of for on in to with plus against the and")
_PAREN_WORD = re.compile(r"\([A-Za-z]{2,10}\)")
_PROJECT_ANCHOR = re.compile(trie_pattern(PROJECT_WORDS))
_SPAN_TOKENS = re.compile(rf"{QUOTED_TOKEN}|[^\s]+")
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
    word = POSSESSIVE.sub("", word)
    if word in GENERIC_WORDS or word in SMALL_WORDS or ORDINAL.match(word):
        return False
    if word in PROJECT_WORDS:
        return False
    if word[:1] in '“"' or YEARISH.match(word) or is_project_word(word):
        return True
    return not is_country_name(word)


def _project_label(raw: str, acronyms: Mapping[str, str]) -> str:
    """A project's label: the statement's acronym when it defines one for the
    name, else the name without article, outer quotes or trailing place."""
    label = clean_name(raw)
    trailing = _TRAILING_ACRONYM.search(label)
    if trailing and trailing.group("a") in acronyms:
        return trailing.group("a")
    place = _TRAILING_PLACE.search(label)
    if place and is_country_name(place.group(1)):
        label = label[: place.start()]
    if label[:1] in '“"' and label[-1:] in '”"':
        label = clean_name(label[1:-1])
    return _expansion_index(tuple(acronyms.items())).get(normalize_key(label), label)


@lru_cache(maxsize=256)
def _expansion_index(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Normalised expansion -> acronym, for naming a phrase by its acronym."""
    index: dict[str, str] = {}
    for acronym, expansion in items:
        index.setdefault(normalize_key(expansion), acronym)
    return index


def _title_projects(text: str, acronyms: Mapping[str, str]) -> Iterator[Span]:
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
            segment = _trim_project(_listed_after_connector(text, strip_leading(segment)))
            words = [w for _, _, w in segment]
            if not any(is_project_word(POSSESSIVE.sub("", w)) for w in words):
                continue
            if not any(_is_distinctive(w) for w in words if w not in SMALL_WORDS):
                continue
            if _names_a_relationship(words) or _body_head(words) or _head(words) in _GROUPS:
                continue  # a relationship, a body ("Secretariat for the Platform"), a group
            start, end = segment[0][0], segment[-1][1]
            if words[-1] in _ADJECTIVAL and _LOWER_WORD_AFTER.match(text, end):
                continue  # "C5+1 Ministerial meetings": an adjective, no event's name
            raw = text[start:end]
            if INSTRUMENT_WORD.search(raw) or known_label(clean_name(raw)):
                continue
            if _in_motto(text, start):
                continue  # under the theme "Addressing Challenges Together"
            label = _project_label(raw, acronyms)
            after = _ACRONYM_AFTER.match(text, end)
            if after and after.group(1) in acronyms:
                label = after.group(1)  # "India-Japan Clean Energy Partnership (CEP)"
            yield Span(start, end, label, 1)


def _listed_after_connector(
    text: str, tokens: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A list inside a name follows a connector ("Conference on the Recovery,
    Reconstruction and ..."); a comma with none before it ends the name ("G7
    Summit, Hiroshima")."""
    for i in range(1, len(tokens)):
        comma = tokens[i][2] == "," or "," in text[tokens[i - 1][1] : tokens[i][0]]
        if comma or tokens[i - 1][2].endswith(","):
            if not any(w in ("of", "for", "on", "in", "to", "with") for _, _, w in tokens[:i]):
                cut = tokens[:i]
                if cut and cut[-1][2].endswith(","):
                    start, end, word = cut[-1]
                    cut[-1] = (start, end - 1, word[:-1])
                return [t for t in cut if t[2] not in ("", ",")]
            break
    return tokens


def _in_motto(text: str, start: int) -> bool:
    """Whether a name lies in a quoted theme, slogan or motto (under the theme
    "Addressing Challenges Together")."""
    before = text[max(0, start - 120) : start]
    quote = max(before.rfind("“"), before.rfind('"'))
    if quote < 0:
        return False
    if "”" in before[quote:] or (before[quote] == '"' and before.count('"') % 2 == 0):
        return False  # the quote closed before the name
    at = start - len(before) + quote
    return bool(_MOTTO.search(text, max(0, at - 40), at))


#: Heads that name a group of states or people, not a programme ("ASEAN Dialogue
#: Partners", "Forum Members", "G20 Leaders")
_GROUPS = word_set("Partners Members States Countries Parties Economies Leaders Ministers Nations")


#: Project words that may also qualify a lower-case noun ("Ministerial meetings").
_ADJECTIVAL = frozenset(("Ministerial",))
_LOWER_WORD_AFTER = re.compile(r"\s+(?!(?:of|for|on|in|to|at|and|or|with|by)\b)[a-z]")
#: Words that qualify a relationship between the parties, not a programme.
_RELATIONSHIP = word_set(
    """
    Strategic Comprehensive Strengthened Enhanced Special Global Extended Upgraded
    Privileged Full Partnership Partnerships
    """
)


def _body_head(words: list[str]) -> bool:
    """Whether a name's head makes it a body: an organisation's head noun, unless
    it names a body only with its complement ("Permanent Mission of Japan to the
    United Nations") and has none ("U.S. Certified Trade Mission" is an event)."""
    head = _head(words)
    if head not in ORG_HEADS:
        return False
    return head not in COMPLEMENT_HEADS or head != words[-1]


def _head(words: list[str]) -> str:
    """A name's head: its word before the first connector, else its last."""
    for before, word in pairwise(words):
        if word in _CONNECTORS:
            return before
    return words[-1]


def _names_a_relationship(words: list[str]) -> bool:
    """Whether a name is the parties' relationship ("Strengthened Strategic
    Partnership", "ASEAN-Japan Comprehensive Strategic Partnership"): a
    partnership qualified only by relationship words and the parties."""
    if not any(w.startswith("Partnership") for w in words):
        return False
    for word in words:
        if word in _RELATIONSHIP or word in SMALL_WORDS or word in GENERIC_WORDS:
            continue
        parts = [p for p in re.split(r"[-‐‑–]", word) if p]
        if not parts or not all(is_country_name(p) or known_label(p) for p in parts):
            return False
    return True


def _run_around(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The run of name words (with 'of the', 'and'... between them, quoted
    names and "(ACR)" included) around the word at ``pos``."""
    start = pos
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-‐‑–'’+&/_"):
        start -= 1
    word = TOKEN_RE.match(text, start)
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
        elif (quoted or TOKEN_RE.fullmatch(word, lead) or _PAREN_WORD.fullmatch(word)) and _joins(
            [w for _, _, w in pending]
        ):
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
    'in Tajikistan' (a date or a place after the name is not part of it), 'of
    the ADB' (nor is the organisation that runs it)."""
    for i, (_, _, word) in enumerate(tokens[:-1]):
        following = tokens[i + 1][2]
        if word in ("in", "on") and (following in MONTH_WORDS or following[:1].isdigit()):
            tokens = tokens[:i]
            break
        if word == "in" and i and is_project_word(tokens[i - 1][2]):
            tokens = tokens[:i]  # "G20 Summit in New Delhi": the place is not the name
            break
        if word == "to" and i and is_project_word(tokens[i - 1][2]) and _names_country(tokens, i):
            tokens = tokens[:i]  # "Trade Mission to Mongolia": nor is the destination
            break
    while tokens and tokens[0][2] in SMALL_WORDS:
        tokens = tokens[1:]
    words = [w for _, _, w in tokens]
    for k in range(min(len(words) - 1, 7), 0, -1):
        # "the Republic of India for the Mumbai-Ahmedabad High Speed Rail Project"
        if words[k] in _CONNECTORS and is_country_name(" ".join(words[:k])):
            tokens = tokens[k:]
            while tokens and tokens[0][2] in SMALL_WORDS:
                tokens = tokens[1:]
            break
    for k in range(len(tokens) - 2, 0, -1):
        # "the Asian Development Fund of the ADB": the owner is not the name
        if tokens[k][2] == "of" and is_project_word(tokens[k - 1][2]):
            owner = " ".join(w for _, _, w in tokens[k + 1 :] if w != "the")
            if known_label(owner):
                tokens = tokens[:k]
            break
    while True:
        while tokens and tokens[-1][2] in SMALL_WORDS:
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


def _names_country(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the words after ``tokens[i]`` ("to") name a country."""
    rest = [w for _, _, w in tokens[i + 1 : i + 6]]
    return any(is_country_name(" ".join(rest[:k])) for k in range(1, len(rest) + 1))


def _complete(current: list[tuple[int, int, str]]) -> bool:
    """Whether the name words read so far make a whole name, so that "and"
    after them starts another: they end in a head ("... Strategy and Defense
    Buildup Program"), or in the acronym of a name holding one ("...
    Ministers' Meeting (AMM) and Related Meetings"; not "World Bank Group (WBG)
    and International Monetary Fund (IMF) Annual Meetings")."""
    last = current[-1][2]
    if _PAREN_WORD.fullmatch(last):
        return any(_ends_name(w) for _, _, w in current[:-1])
    return _ends_name(last)


def _ends_name(word: str) -> bool:
    """Whether a word completes a name, so that "and" after it starts another:
    a project's or an instrument's head ("... Strategy and Defense Buildup
    Program")."""
    return is_project_word(word) or bool(INSTRUMENT_WORD.fullmatch(word))


_NAMED_GRANT = re.compile(rf"Grant(?:\s+Assistance|\s+Aid)?\s+for\s+{NAME_RUN}")

#: lower-case words after a Title Case name that make it a programme's name
#: ("the ASEAN-U.S. Health Futures initiative", "the EU's Horizon 2020 program",
#: "the annual, multinational Khaan Quest exercise"); the name is its Title Case
#: part, as the guidelines read "Title-cased or quoted"
_LOWER_HEAD = re.compile(
    r"(?<=[\w.’'”\)])\s+(?P<w>programs?|programmes?|initiatives?|projects?|schemes?|exercises?)\b"
)


def _lower_headed(text: str, acronyms: Mapping[str, str]) -> Iterator[Span]:
    """Programmes named by a Title Case name before a lower-case "program",
    "initiative", "project", "scheme" or "exercise": two words at least, one of
    them distinctive (not a country, a known organisation or a generic word):
    "USAID Regional Water and Vulnerable Environment program", not "the
    Japanese program" or "the JICA program"."""
    for head in _LOWER_HEAD.finditer(text):
        run = _words_before(text, head.start("w"))
        segments = list(_split_names(run)) if run else []
        if not segments:
            continue
        segment = segments[-1]
        while segment and (
            segment[0][2] in SMALL_WORDS
            or segment[0][2] in STOP_STARTS
            or QUALIFIER.search(segment[0][2])
        ):
            segment = segment[1:]
        while segment and segment[-1][2] in SMALL_WORDS:
            segment = segment[:-1]
        if not segment or segment[-1][1] != head.start():
            continue
        words = [w for _, _, w in segment]
        content = [w for w in words if w not in SMALL_WORDS]
        if len(content) < 2 or not any(_is_distinctive(w) and not known_label(w) for w in content):
            continue
        raw = text[segment[0][0] : segment[-1][1]]
        if (
            INSTRUMENT_WORD.search(raw)
            or known_label(clean_name(raw))
            or _names_a_relationship(words)
            or _body_head(words)
        ):
            continue
        yield Span(segment[0][0], segment[-1][1], _project_label(raw, acronyms), 1)


# A session of a convention's Conference of the Parties: "COP21", "COP 28",
# "UNFCCC-COP 28", "CBD COP15".
_CONFERENCE_OF_PARTIES = re.compile(r"(?<![\w-])(?:[A-Z]{2,10}[-‐‑–])?COP[-‐‑– ]?\d{1,2}(?![\w])")


def _conferences_of_parties(text: str) -> Iterator[Span]:
    """Sessions of a Conference of the Parties, named by number ("COP28")."""
    if "COP" in text:
        for match in _CONFERENCE_OF_PARTIES.finditer(text):
            yield Span(match.start(), match.end(), match.group(), 1)


def _named_grants(text: str) -> Iterator[Span]:
    """Grant programmes named 'Grant (Assistance) for ...': 'Grant Assistance
    for Grassroots Human Security Projects' is a programme, not the modality."""
    for match in _NAMED_GRANT.finditer(text):
        if match.start() == 0 or not text[match.start() - 1].isalnum():
            yield Span(match.start(), match.end(), clean_name(match.group()), 1)


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
        cut = POSSESSIVE.search(word)
        if cut:
            current.append((start, start + cut.start(), word[: cut.start()]))
            yield current
            current = []
        elif word == "and" and current and _complete(current):
            yield current
            current = []
        elif word in MONTH_WORDS:
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
        elif current and word in SENTENCE_OPENERS:
            yield current
            current = [(start, end, word)]
        else:
            current.append((start, end, word))
            in_date = False
    if current:
        yield current


def _quoted_projects(text: str, acronyms: Mapping[str, str]) -> Iterator[Span]:
    """Quoted names: “Improving Climate Resilient Pasture Management”, the
    "Central Asia plus Japan" Dialogue, “One Village, One Product (OVOP)”."""
    if '"' not in text and "“" not in text:
        return
    for match in QUOTED.finditer(text):
        inner = clean_name(match.group("c") or match.group("s") or "")
        if not inner or not (inner[0].isupper() or inner[0].isdigit()):
            continue
        inner = inner.rstrip(",.;:")  # American style puts the comma inside the quotes
        if not inner or _GLOSS.search(inner) or INSTRUMENT_WORD.search(inner):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if "hereinafter" in before.lower() or _AFTER_RESOLUTION.search(before):
            continue
        if _MOTTO.search(before):
            continue  # a theme or a slogan names no programme
        words = [w for w in WORD_SPLIT.split(inner) if w]
        letters = sum(map(str.isalpha, inner))
        if letters < 2 or len(words) > 20:
            continue
        content = [w for w in words if w.lower() not in SMALL_WORDS]
        capitalised = sum(1 for w in content if w[:1].isupper())
        titled = capitalised * 2 >= len(content)
        keyword = any(is_project_word(w) for w in words)
        if not (titled or keyword or _NAMING_VERB.search(before)):
            continue
        end = match.end()
        label = _project_label(inner, acronyms)
        follow = _FOLLOWING_WORD.match(text, end)
        if follow and follow.group(1) in PROJECT_WORDS and label == inner:
            label = f"{inner} {follow.group(1)}"
            end = follow.end()
        yield Span(match.start(), end, label, 0)


@cache
def _known_projects() -> NameIndex:
    """The table of well-known programmes (``data/projects.txt``), read once, at
    first use."""
    names: list[tuple[str, str]] = []
    acronyms: list[tuple[str, str]] = []
    for line in data_lines("projects.txt"):
        label, _, rest = (part.strip() for part in line.partition("|"))
        for name in {label, *(n.strip() for n in rest.split(";") if n.strip())}:
            if not re.search(r"[\s-]", name) and sum(map(str.isupper, name)) >= 2:
                acronyms.append((name, name))
            else:
                names.append((name, label))
    return NameIndex.build(names, acronyms)


def _known_programmes(text: str, acronyms: Mapping[str, str]) -> Iterator[Span]:
    """Well-known programmes whose names hold no project word ("Free Trade Area of
    the Asia-Pacific", "FTAAP", "Partners in the Blue Pacific"), as written or by
    the acronym the statement defines."""
    for start, end, _value in _known_projects().spans(text):
        compound = _COMPOUND.match(text, start)
        if compound and compound.end() > end and (start == 0 or text[start - 1].isspace()):
            end = compound.end()  # "the AFTA-CER linkage": the compound is the name
        yield Span(start, end, _project_label(text[start:end], acronyms), 1)


_COMPOUND = re.compile(r"[A-Z][A-Za-z0-9+]*(?:[-‐‑–][A-Z][A-Z0-9+]+)+")


@lru_cache(maxsize=8)
def project_spans(
    text: str, items: tuple[tuple[str, str], ...], presented: frozenset[str]
) -> tuple[Span, ...]:
    """Every project, programme, initiative or event named in ``text``, as
    non-overlapping spans: the acronyms the statement defines for such names
    (``items`` are the statement's acronyms, ``presented`` those it presents as
    projects), quoted names and Title Case names holding a word such as
    *Project*, *Dialogue* or *Summit*.

    A Title Case phrase needs a distinctive word besides the keyword and
    countries ('Strategic Partnership', 'Summit Meeting' are not names); a
    quoted phrase must look like a name (capitalised, no trailing comma, no
    lower-case gloss such as “Budo (martial arts)”), and a quoted title after
    'resolution titled' is an instrument.  Kept for the last few texts: the
    organisations of an item are read against the same spans.
    """
    acronyms = as_dict(items)
    wanted = {a for a, _ in _project_pairs(items, presented)}
    spans = [
        *(s for s in defined_spans(text, items) if s.label in wanted),
        *_quoted_projects(text, acronyms),
        *_title_projects(text, acronyms),
        *_lower_headed(text, acronyms),
        *_known_programmes(text, acronyms),
        *_named_grants(text),
        *_conferences_of_parties(text),
    ]
    return tuple(resolve_spans(spans))

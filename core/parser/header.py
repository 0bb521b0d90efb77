"""Stage 2a of the parser: the header above the body.

The header is what stands before the first paragraph: the title (one or more
lines), the dateline, and page furniture (site banners, breadcrumbs, document
codes) that is dropped with a warning.  Decisions are in ``docs/parser.md`` §2.
"""

from __future__ import annotations

import re

import msgspec

from .furniture import NEWS_DATELINE, is_editorial_intro, is_furniture
from .title import continues_title, is_banner, is_reprint_headline, names_statement
from .units import TERMINAL, Unit

_BREADCRUMB = re.compile(r">|»|\bhttps?://|www\.|^home\s*\w|\bhome(?=[A-Z])")
#: the number of an entry in a collection of documents ("93 Prime Ministers' Communique")
_ENTRY_NUMBER = re.compile(r"^(?!(?:19|20)\d\d\b)\d{1,4}\.?\s+[A-Z]")
#: a document reference in one token ("STATEMENT/15/6088")
_ONE_CODE = re.compile(r"\S*\d\S*")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_SECTION_WORDS = frozenset({"preamble", "introduction", "annex", "appendix", "contents"})
#: the sections a document's body can open with, under a heading of their own
_OPENING_SECTIONS = frozenset({"preamble", "introduction"})
#: a title line may be long, but not a page
_TITLE_MAX_WORDS = 60
#: a page's detail listed above its title is short ("* Directorate-General for Trade")
_PAGE_DETAIL_MAX_WORDS = 8
#: how many lines below the page's title the statement's own title may stand
_OWN_TITLE_REACH = 8
#: a line ending in a colon is a lead-in sentence rather than a title when longer
_COLON_TITLE_MAX_WORDS = 10


class Header(msgspec.Struct):
    """What the top of the document holds besides the body."""

    title: str | None = None
    date_lines: list[str] = msgspec.field(default_factory=list)
    #: a line that only names a place ("Tokyo, Japan"), as a dateline without a date
    place_lines: list[str] = msgspec.field(default_factory=list)
    noise: list[str] = msgspec.field(default_factory=list)
    #: the page's own lines between its title and the statement's own title (a
    #: summary, a photo caption): who met and where, when the statement does not say
    page_notes: list[str] = msgspec.field(default_factory=list)


def is_date_line(unit: Unit) -> bool:
    """A short unnumbered line that parses as a date (``Tokyo, 4 June 2015``), not
    a web page's timestamp (``2003-08-11 14:06``: when it was posted)."""
    from .dates import parse_date

    return (
        unit.words <= 9
        and unit.number is None
        and not _TIMESTAMP.search(unit.text)
        and parse_date(unit.text) is not None
    )


def looks_like_code(text: str) -> bool:
    """A document code or reference (``16447/13``, ``(OR. en)``, ``PRESSE 490``)."""
    stripped = text.strip()
    if re.search(r"\d", stripped) and len(stripped.split()) <= 4:
        return True
    return stripped.startswith("(") and stripped.endswith(")") and len(stripped) < 20


def is_place_line(text: str) -> bool:
    """A line that only names a place: a city and its country ("Tokyo, Japan") or
    a capital ("Brussels")."""
    from .gazetteer import country_of_place, find_country

    parts = [p.strip() for p in text.strip(" .").split(",")]
    if not 0 < len(parts) <= 2 or len(text.split()) > 5:
        return False
    if not all(p and all(w[:1].isupper() for w in p.split()) for p in parts):
        return False
    if len(parts) == 2:
        return find_country(parts[1]) is not None or country_of_place(parts[0]) is not None
    # one name alone: a capital, not a country (a bare "Japan" is a site's tag)
    return country_of_place(parts[0]) is not None and find_country(parts[0]) is None


def _is_body_start(unit: Unit) -> bool:
    if unit.number is not None or unit.kind == "bullet" or unit.label:
        return True
    if unit.forced_heading is not None and unit.forced_heading > 0:
        return True
    text = unit.text.rstrip()
    if unit.words >= 25:
        return True
    return text.endswith((".", ",", ";", ":", "!", "?")) and unit.words >= 4


def _title_like(unit: Unit) -> bool:
    """A line that can be (part of) a title: unnumbered, not a sentence, not a page."""
    text = unit.text.rstrip()
    if unit.number is not None or unit.kind == "bullet" or unit.label:
        return False
    if unit.words > _TITLE_MAX_WORDS or text.endswith((".", ",", ";", "!", "?")):
        return False
    if unit.words >= 25 and text.endswith(tuple(c for c in TERMINAL if c != ":")):
        return False  # a long text ending like a sentence is a paragraph
    return not (text.endswith(":") and unit.words > _COLON_TITLE_MAX_WORDS)


def _starts_title(unit: Unit) -> bool:
    """A line that names the statement: a title line, not a breadcrumb, a banner
    or a document code ("STATEMENT/15/6088")."""
    return (
        _title_like(unit)
        and names_statement(unit.text)
        and not _BREADCRUMB.search(unit.text)
        and not is_banner(unit.text)
        and not _ONE_CODE.fullmatch(unit.text.strip())
    )


def _continues(title_units: list[Unit], unit: Unit) -> bool:
    """A line right after the title that carries it on (same heading level for
    headings): "JOINT COMMUNIQUE" / "ON THE OCCASION OF THE VISIT ..."."""
    last = title_units[-1]
    if not _title_like(unit) or is_date_line(unit) or looks_like_code(unit.text):
        return False
    if unit.forced_heading != last.forced_heading:
        return False
    title = " ".join(u.text for u in title_units)
    return continues_title(title, unit.text) and unit.words <= 30


def find_header(
    units: list[Unit], metadata_title: str | None, body_from: int | None = None
) -> tuple[Header, list[Unit]]:
    """Split the leading units into the header and the rest.

    The header runs until the first unit that starts the body (numbered, a list
    item, a labelled or given heading, 25 words or more, a sentence), except that
    a title line, however long or marked as a heading, the lines that carry it on
    and an editor's introduction stay in the header.  ``body_from``, when given
    (the line after a cable's "Begins"), is where the body starts whatever
    comes before it."""
    header = Header()
    run: list[int] = []  # the title found while walking: its first line and continuations
    limit = len(units) if body_from is None else body_from
    start = limit
    for i, unit in enumerate(units[:limit]):
        if is_date_line(unit):
            continue
        if run and run[-1] == i - 1 and _continues([units[k] for k in run], unit):
            run.append(i)
            continue
        if (_starts_title(unit) or _above_dateline(units, i)) and (
            not run or _later_title_heading(units[run[0]], unit)
        ):
            run = [i]
            continue
        if (is_editorial_intro(unit) and not run[1:]) or is_furniture(unit):
            continue
        if _is_body_start(unit) and body_from is None:
            if not run and _title_heading_follows(units, i):
                continue  # a site's or section's heading above the statement's own title
            start = i
            break
    own = _own_title_below(units, start, run) if body_from is None else None
    if own is not None:
        # a page's headline above, the statement's own (fuller) title further down
        header.page_notes = [u.text for u in units[start:own] if u.words >= 4]
        run = _with_continuations(units, own)
        start = run[-1] + 1
    if _first_line_of_body(units, start, run):
        # "Vice President X welcomed Prime / Minister Y to ...": a wrapped line cut short
        first = units[start]
        first.text = f"{units[start - 1].text} {first.text}"
        first.lines = [*units[start - 1].lines, *first.lines]
        start -= 1
        units = [*units[:start], *units[start + 1 :]]
    head = units[:start]
    rest = units[start:] if body_from is None else units[body_from:]
    title_units = _title_units(head, run, metadata_title)
    if title_units:
        header.title = " ".join(head[i].text for i in title_units)
    pushed_back: list[Unit] = []
    for i, unit in enumerate(head):
        if i in title_units:
            continue
        if is_date_line(unit):
            header.date_lines.append(unit.text)
        elif is_place_line(unit.text):
            header.place_lines.append(unit.text)
        elif "(" in unit.text[:60] and (news := NEWS_DATELINE.match(unit.text)):
            # "MOSCOW, Sept. 29 (Yonhap) -- The following is ...": where the agency wrote
            header.place_lines.append(news.group("place").title())
            header.noise.append(unit.text)
        elif (
            (unit.bold or unit.forced_heading or _names_a_section(unit))
            and body_from is None
            and (not title_units or i > title_units[0])
            and not looks_like_code(unit.text)
            and not names_statement(unit.text)
            and (title_units or metadata_title)
        ):
            pushed_back.append(unit)
        else:
            header.noise.append(unit.text)
    return header, pushed_back + rest


def _names_a_section(unit: Unit) -> bool:
    """A plain line that only names a section of the document ("Preamble",
    "Introduction"): a heading as a bold one would be."""
    return unit.text.lower().strip(" :.") in _OPENING_SECTIONS and unit.number is None


def _first_line_of_body(units: list[Unit], start: int, run: list[int]) -> bool:
    """Whether the line just above the body's first unit, in the same block (no
    blank line between) and not a title, date or code, is the first line of that
    paragraph, cut off by the wrapping ("... welcomed Prime" / "Minister ...")."""
    if start == 0 or start >= len(units) or start - 1 in run:
        return False
    line, first = units[start - 1], units[start]
    return (
        line.chunk == first.chunk
        and line.kind == "text"
        and line.forced_heading is None
        and not line.bold
        and line.words >= 4
        and not line.ends_sentence
        and first.kind == "text"
        and first.number is None
        and not is_date_line(line)
        and not looks_like_code(line.text)
        and not names_statement(line.text)
    )


def _title_heading_follows(units: list[Unit], i: int) -> bool:
    """Whether the headings (and datelines) that open the document from ``i`` on
    hold one that names the statement."""
    for unit in units[i:]:
        if unit is not units[i] and _starts_title(unit):
            return True
        if unit.forced_heading is None and not is_date_line(unit) and not _page_detail(unit):
            return False
        if _starts_title(unit):
            return True
    return False


def _page_detail(unit: Unit) -> bool:
    """A short list entry of a page's details above its title (its date, its
    department, "2 min read"): a bullet of a few words that is no sentence."""
    return (
        unit.kind == "bullet"
        and unit.words <= _PAGE_DETAIL_MAX_WORDS
        and not unit.text.rstrip().endswith(TERMINAL)
    )


def _above_dateline(units: list[Unit], i: int) -> bool:
    """The document's first line, not a sentence, right above its dateline, is
    its title even without a word naming a statement ("Vision for the
    Enhancement of ... Partnership" / "December 28, 2011")."""
    return (
        i == 0
        and i + 1 < len(units)
        and is_date_line(units[i + 1])
        and _title_like(units[i])
        and not _BREADCRUMB.search(units[i].text)
        and not is_furniture(units[i])
    )


def _own_title_below(units: list[Unit], start: int, run: list[int]) -> int | None:
    """The statement's own title a few lines below the page's title that the
    header found, past the page's summary, notes and photo captions: a title
    line that gives the page's title in full ("UK-Japan Joint Statement" above
    "UK-Japan Joint Statement: A ... partnership for the 21st century").  None
    when a numbered paragraph, a list or a heading comes first."""
    if not run or start >= len(units):
        return None
    page_title = _key(" ".join(units[k].text for k in run))
    for j in range(start, min(start + _OWN_TITLE_REACH, len(units))):
        unit = units[j]
        if (
            _starts_title(unit)
            and _key(unit.text).startswith(page_title)
            and unit.words > len(page_title.split())
            and j + 1 < len(units)
        ):
            return j
        if unit.number is not None or unit.kind != "text" or unit.forced_heading is not None:
            return None
    return None


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _later_title_heading(first: Unit, unit: Unit) -> bool:
    """Of two headings above the body that name a statement, the one nearer the
    body is the statement's own title; the first is the page's or collection's
    heading ("93 Prime Ministers' Communique" above "Prime Minister's Visit:
    Communique"); a heading is the title rather than a plain line above it, and
    a later line rather than a collection's numbered entry.  Of two lines, the
    later one is when it gives the first in full
    ("Joint Communique on the Establishment of Diplomatic Relations" above the
    same words followed by "between ... and ...")."""
    if unit.forced_heading is not None and (first.forced_heading is not None or not first.bold):
        return True  # a heading over a plain line, the later of two headings
    if _ENTRY_NUMBER.match(first.text):
        return True  # a collection's numbered entry ("93 Prime Ministers' Communique")
    if is_reprint_headline(first.text):
        return True  # a news headline over the text it reprints ("Full text of ...")
    shorter = " ".join(first.text.lower().split())
    return " ".join(unit.text.lower().split()).startswith(shorter) and unit.words > first.words


def _title_units(head: list[Unit], run: list[int], metadata_title: str | None) -> list[int]:
    """Which header lines make the title."""
    styled = next(
        (i for i, u in enumerate(head) if u.forced_heading == 0 and not _names_a_section(u)),
        None,
    )
    if styled is not None:
        return _with_continuations(head, styled)
    if run:
        return _with_chunk(head, run)
    first = next((i for i, u in enumerate(head) if _starts_title(u)), None)
    if first is None:
        # a banner ("Joint Press Release") is the title when nothing else names the statement
        first = next(
            (
                i
                for i, u in enumerate(head)
                if names_statement(u.text) and _title_like(u) and not _BREADCRUMB.search(u.text)
            ),
            None,
        )
    if first is None and not metadata_title:
        first = next(
            (
                i
                for i, u in enumerate(head)
                if not is_date_line(u)
                and not looks_like_code(u.text)
                and not is_banner(u.text)
                and u.text.lower().strip(" :") not in _SECTION_WORDS
            ),
            None,
        )
    if first is None:
        return []
    return _with_chunk(head, _with_continuations(head, first))


def _with_continuations(head: list[Unit], first: int) -> list[int]:
    run = [first]
    for i in range(first + 1, len(head)):
        if not _continues([head[k] for k in run], head[i]):
            break
        run.append(i)
    return run


def _with_chunk(head: list[Unit], run: list[int]) -> list[int]:
    """The title's lines and the title lines right above them in the same block (a
    header such as '"Central Asia plus Japan" Dialogue / Third Foreign Ministers'
    Meeting / Joint Press Release'), and below them the lines of the block that
    are neither a date, a place, a code nor a sentence (a subtitle)."""
    chunk = head[run[0]].chunk
    taken = set(run)
    for i in range(run[0] - 1, -1, -1):
        if head[i].chunk != chunk or not _in_title_block(head[i]):
            break
        taken.add(i)
    for i in range(run[-1] + 1, len(head)):
        if head[i].chunk != chunk or not _in_title_block(head[i]):
            break
        taken.add(i)
    return sorted(taken)


def _in_title_block(unit: Unit) -> bool:
    return (
        unit.forced_heading is None
        and _title_like(unit)
        and not is_date_line(unit)
        and not is_place_line(unit.text)
        and not _BREADCRUMB.search(unit.text)
        and not looks_like_code(unit.text)
        and not is_banner(unit.text)
        and not re.search(r"\d", unit.text)
    )

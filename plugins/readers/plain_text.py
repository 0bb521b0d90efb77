"""Reader for plain-text and Markdown statements (.txt, .md).

Decodes the bytes (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252
with a warning), lifts YAML front matter into metadata, strips Markdown and HTML
markup (keeping "this line was bold" as a hint) and yields one ``line`` block per
physical line: paragraph-building is the parser's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from jtreport import hookimpl
from jtreport.errors import InputError
from jtreport.formats import Reader

if TYPE_CHECKING:
    from jtreport.blocks import ReadResult

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_FRONT_KEY = re.compile(r"^(title|date)\s*:\s*(.+?)\s*$", re.M)
# bold or bold-italic spans; a span may run over a few lines but not a blank line
_STRONG = re.compile(r"(\*\*\*|\*\*|___|__)(?=\S)((?:(?!\n[ \t]*\n).){1,400}?)\1", re.S)
_EMPHASIS = re.compile(
    r"(?<![\w*])([*_])(?=\S)((?:(?!\n[ \t]*\n).){1,600}?)(?<=\S)\1(?![\w*])", re.S
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|&])")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# a link's text may be wrapped over lines (not over a blank line)
_LINK = re.compile(r"!?\[((?:[^\]\n]|\n(?![ \t]*\n)){0,400})\]\([^)\s]*\)")
_RULE_OR_MARKER = re.compile(r"^\s*(?:[-*_=#]\s*){3,}$|^\s*[●•◦▪■]\s*$")
_BOLD_MARK = "\x02"
_WORD = re.compile(r"\w")
#: how much longer than its text a Markdown or HTML-laden file may be
MARKUP_ALLOWANCE = 2
# a Markdown hard line break (two trailing spaces, or a backslash) before a line
# of text: the line block says so (``Block.line_break``), and the parser decides
# whether the break also ends a paragraph (a heading, a signature, a date line)
# or not (two sentences of one paragraph)
_HARD_BREAK = re.compile(r"(?<=[^\s\x02\\])(?:[ \t]{2,}|\\)\n(?=[ \t\x02]*[^\s\x02])")
_BREAK_MARK = "\x03"


class TextReader(Reader):
    """Plain text and Markdown."""

    name = "text"
    extensions = (".txt", ".md", ".markdown", ".text")
    description = "plain-text and Markdown statements"

    def read(self, data: bytes, path: str) -> ReadResult:
        """Decode and clean the text; one block per line."""
        from jtreport.parser.limits import MAX_TEXT_CHARS

        text, warnings = decode(data, path)
        if len(text) > MAX_TEXT_CHARS * MARKUP_ALLOWANCE:
            # refused before the markup is stripped: the parser would refuse it anyway
            raise InputError(
                f"holds {len(text):,} characters; jtreport reads statements of at most "
                f"{MAX_TEXT_CHARS:,} characters of text",
                path=path,
            )
        return text_to_blocks(text, warnings)


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode statement bytes, refusing binary data."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(
                "starts with a UTF-16 mark but is not valid UTF-16", path=path
            ) from None
    else:
        if _looks_binary(data):
            raise InputError(
                "is a binary file, not a text statement (no reader recognised its format)",
                path=path,
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append("the text is not UTF-8; it was decoded as Windows-1252 (cp1252)")
    if "\x00" in text or _control_ratio(text) > 0.01:
        raise InputError("is a binary file, not a text statement", path=path)
    return text, warnings


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    return b"\x00" in head


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bad / len(sample)


def text_to_blocks(text: str, warnings: list[str] | None = None) -> ReadResult:
    """Turn decoded text into line blocks (also used by other readers' tests)."""
    from jtreport.blocks import Block, ReadResult  # msgspec: not needed by --help

    warnings = list(warnings or [])
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    metadata: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for key, value in _FRONT_KEY.findall(_join_quoted_lines(front.group(1))):
            metadata[key] = _unquote(value)
        text = text[front.end() :]
    text = _HARD_BREAK.sub(_BREAK_MARK + "\n", _strip_markup(text))
    blocks: list[Block] = []
    for raw in text.split("\n"):
        bold = raw.startswith(_BOLD_MARK)
        line_break = raw.endswith(_BREAK_MARK)
        line = _clean_line(raw.replace(_BOLD_MARK, "").replace(_BREAK_MARK, ""))
        heading = _MD_HEADING.match(line)
        if heading:
            blocks.append(Block(text=heading.group(2), kind="heading", level=len(heading.group(1))))
        elif _RULE_OR_MARKER.match(line):
            blocks.append(Block(text=""))
        else:
            blocks.append(
                Block(text=line, bold=bold and bool(line), line_break=line_break and bool(line))
            )
    return ReadResult(blocks=blocks, warnings=warnings, metadata=metadata)


def _strip_markup(text: str) -> str:
    text = _TAG.sub(_tag_replacement, text)
    text = _LINK.sub(r"\1", text)
    text = _STRONG.sub(_mark_bold, text)
    text = _STRONG.sub(_mark_bold, text)  # nested ***x** y* leftovers
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    text = _ESCAPE.sub(r"\1", text)
    if "&" in text:  # html (and its entity table) only for a text with entities
        import html

        text = html.unescape(text)
    return text


def _tag_replacement(match: re.Match[str]) -> str:
    tag = match.group(0).lower()
    if tag.startswith("<br"):
        return "  \n"  # a forced line break, as a Markdown hard break
    return "\n" if tag.startswith(("<p", "</p", "<div", "</div")) else ""


def _mark_bold(match: re.Match[str]) -> str:
    """A span that is a whole line (or lines) marks them bold; a bold lead-in
    ("**EMPHASIZING** the importance ...", "**WE**, the Member States ...") does
    not make its line bold, unless it is a label ended by a colon ("**Heading:**
    description")."""
    inner = match.group(2)
    start = match.start()
    at_line_start = start == 0 or match.string[start - 1] == "\n"
    line_end = match.string.find("\n", match.end())
    rest = match.string[match.end() : line_end if line_end >= 0 else None]
    label = inner.rstrip().endswith(":") or rest.lstrip().startswith(":")
    if not at_line_start or (_WORD.search(rest) and not label):
        return inner
    return "\n".join(_BOLD_MARK + line.lstrip() for line in inner.split("\n"))


def _clean_line(line: str) -> str:
    line = line.replace("\u3000", " ").replace("\u00a0", " ").replace("\t", " ")
    line = re.sub(r"[\u200b\u200e\u200f]", "", line)
    stripped = line.strip()
    if stripped in ("*", "**", "***", "_", "__", "___"):
        return ""
    # leading indentation is kept: it distinguishes "  1." items from headings
    indent = len(line) - len(line.lstrip(" "))
    return " " * min(indent, 8) + re.sub(r"\s+", " ", stripped)


def _join_quoted_lines(front: str) -> str:
    """Front matter with each double-quoted value on one line: YAML folds a quoted
    value over several lines (a line break is a space; after a backslash, nothing)."""
    lines: list[str] = []
    open_quote = False
    for line in front.split("\n"):
        if open_quote:
            joint = "" if lines[-1].endswith("\\") else " "
            lines[-1] = lines[-1].removesuffix("\\") + joint + line.strip()
        else:
            lines.append(line)
        value = lines[-1].partition(":")[2].strip()
        open_quote = value.startswith('"') and not re.search(r'(?<!\\)"$', value[1:])
    return "\n".join(lines)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    decoders: list[Callable[[str], str]] = [
        lambda v: re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), v),
        lambda v: re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), v),
        lambda v: v.replace("\\_", " ").replace("\\ ", " "),
    ]
    for decoder in decoders:
        value = decoder(value)
    return re.sub(r"\s+", " ", value).strip()


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register the plain-text/Markdown reader."""
    register(TextReader())

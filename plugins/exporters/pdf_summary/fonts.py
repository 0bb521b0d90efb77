"""Choosing, loading and checking the PDF's fonts.

The body font is the ``--font`` file or the first well-known sans-serif font
installed (DejaVu Sans, Noto Sans, Liberation Sans, Arial...); characters it
lacks are printed with fallback fonts (per-character ``<font>`` runs), found in
a short list of well-known files and then through fontconfig.  Every face is a
TrueType font that reportlab embeds as a subset.  Characters that no font
covers are reported by name in the warnings: nothing prints as a box silently.

Only :mod:`reportlab` functions are imported here, inside the functions.
"""

from __future__ import annotations

import contextlib
import hashlib
import unicodedata
from collections.abc import Container, Iterable
from pathlib import Path
from typing import Any, Literal

import msgspec
from jtreport.errors import ExportError

from . import fontpaths

# What xml.sax.saxutils.escape does, without the urllib, http and ssl it imports (~9 ms).
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` escaped for reportlab's Paragraph markup."""
    return text.translate(_MARKUP)


Style = Literal["regular", "bold", "italic"]

#: Shown when no installed font has the characters a statement needs.
INSTALL_HINT = (
    "install a font that covers them (Debian/Ubuntu: fonts-dejavu-core for Cyrillic, "
    "fonts-ipafont-gothic for Japanese) or pass --font FILE.ttf"
)
_REFUSED = "cannot use this font (--font) for the PDF"
_MAX_LISTED = 12
# Categories of characters that print nothing and need no glyph.
_SILENT = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})
# Loaded fonts, by file identity: parsing a font is cheap, but not free.
_CACHE: dict[tuple[str, int, int, int], Any] = {}


class Face(msgspec.Struct):
    """One font family registered with reportlab: its names per style and the
    code points its regular and bold faces cover."""

    family: str
    path: Path
    names: dict[str, str]
    cover: Container[int]
    bold_cover: Container[int]

    def name(self, style: Style) -> str:
        """The registered reportlab font name for a style."""
        return self.names[style]

    def covers(self, char: str, style: Style = "regular") -> bool:
        """True when the face has a glyph for ``char`` in this style."""
        return ord(char) in (self.bold_cover if style == "bold" else self.cover)


def needs_glyph(char: str) -> bool:
    """False for spaces and control or format characters, which print nothing."""
    return unicodedata.category(char) not in _SILENT


def describe(char: str) -> str:
    """``U+4E00 '一'``: how warnings name a character."""
    return f"U+{ord(char):04X} {char!r}"


class FontSet(msgspec.Struct):
    """The faces a document prints with, the body font first."""

    faces: list[Face]
    missing: list[str] = msgspec.field(default_factory=list)
    _plain: dict[Style, set[str]] = msgspec.field(default_factory=dict)
    _choice: dict[tuple[str, Style], int] = msgspec.field(default_factory=dict)

    @property
    def body(self) -> Face:
        """The body font."""
        return self.faces[0]

    def name(self, style: Style = "regular") -> str:
        """The body font's registered name for a style."""
        return self.body.name(style)

    def _pick(self, char: str, style: Style) -> int:
        key = (char, style)
        found = self._choice.get(key)
        if found is None:
            found = next((i for i, f in enumerate(self.faces) if f.covers(char, style)), -1)
            if found < 0:
                # another weight of some face beats an empty box
                other: Style = "regular" if style == "bold" else "bold"
                found = next((i for i, f in enumerate(self.faces) if f.covers(char, other)), 0)
            if not needs_glyph(char):
                found = 0
            self._choice[key] = found
        return found

    def markup(self, text: str, style: Style = "regular") -> str:
        """``text`` escaped for a reportlab Paragraph, with ``<font>`` runs for
        the characters the body font lacks."""
        plain = self._plain.get(style)
        if plain is None:
            plain = self._plain[style] = set()
        if plain.issuperset(text):
            return escape(text)
        runs: list[tuple[int, list[str]]] = []
        for char in text:
            index = self._pick(char, style)
            if index == 0:
                plain.add(char)
            if runs and runs[-1][0] == index:
                runs[-1][1].append(char)
            else:
                runs.append((index, [char]))
        out: list[str] = []
        for index, chars in runs:
            escaped = escape("".join(chars))
            if index == 0:
                out.append(escaped)
            else:
                out.append(f'<font name="{self.faces[index].name(style)}">{escaped}</font>')
        return "".join(out)

    def font_for(self, text: str, style: Style = "regular") -> str:
        """One font name to draw ``text`` with where runs are impossible (chart
        labels): the body font when it covers the text, else the first face that does."""
        needed = [c for c in set(text) if needs_glyph(c)]
        for face in self.faces:
            if all(face.covers(c, style) for c in needed):
                return face.name(style)
        return self.name(style)


def _load(path: Path, index: int = 0, *, fallback: tuple[Path, int] | None = None) -> Any:
    """A reportlab TTFont for the file, loaded once per process; with a
    ``fallback`` face (file, index), a font whose file is read only when a text
    in it is first measured or drawn, the fallback standing in should it fail
    (:func:`jtreport.plugins.exporters.pdf_summary.lazyfont.lazy_font`)."""
    from reportlab.pdfbase.ttfonts import TTFont

    stat = path.stat()
    key = (str(path.resolve()), index, stat.st_mtime_ns, stat.st_size)
    font = _CACHE.get(key)
    if font is None:
        digest = hashlib.sha1(f"{key[0]}#{index}".encode()).hexdigest()[:10]
        name = f"jtr-{path.stem}-{index}-{digest}"
        if fallback is not None:
            from .lazyfont import lazy_font

            font = lazy_font(name, path, index, fallback)
        else:
            font = TTFont(name, str(path), subfontIndex=index)
        _CACHE[key] = font
    return font


def _register(
    family: str, regular: Path, bold: Path | None, italic: Path | None, index: int = 0
) -> Face:
    """Register a family's faces with reportlab (missing styles reuse the regular
    face).  The regular and bold faces are read at once (which characters they
    cover decides the fallback fonts); the italic face, which only a few captions
    use, is read when one is printed."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    base = _load(regular, index)
    fonts = {"regular": base, "bold": base, "italic": base}
    for style, path in (("bold", bold), ("italic", italic)):
        if path is not None:
            # a style that fails to load uses the regular face
            with contextlib.suppress(Exception):
                fonts[style] = _load(path, fallback=(regular, index) if style == "italic" else None)
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    names = {style: font.fontName for style, font in fonts.items()}
    # Paragraph markup maps a font name to (family, bold, italic) and back; the
    # regular mapping goes last, so a face standing in for several styles reads
    # as regular, not bold-italic.
    for bold_flag, italic_flag, style in ((1, 1, "bold"), (0, 1, "italic"), (1, 0, "bold")):
        addMapping(names["regular"], bold_flag, italic_flag, names[style])
    addMapping(names["regular"], 0, 0, names["regular"])
    return Face(
        family=family,
        path=regular,
        names=names,
        cover=base.face.charToGlyph,
        bold_cover=fonts["bold"].face.charToGlyph,
    )


def _family_name(font: Any, fallback: str) -> str:
    raw = getattr(font.face, "familyName", b"") or b""
    name = raw.decode("latin-1", "replace") if isinstance(raw, bytes) else str(raw)
    return name.strip() or fallback


def _user_face(path: Path) -> Face:
    """The ``--font`` file as the body font, with its bold and italic siblings."""
    from reportlab.pdfbase.ttfonts import TTFError

    if not path.is_file():
        raise ExportError(f"{_REFUSED}: no such file", path=str(path))
    try:
        font = _load(path)
    except TTFError as exc:
        reason = str(exc)
        if "postscript outlines" in reason:
            reason = (
                "it has PostScript (CFF) outlines, which the PDF engine cannot embed; "
                "use a TrueType-flavoured .ttf/.ttc font"
            )
        elif "embedding" in reason.lower() or "subset" in reason.lower():
            reason = "its licence does not allow embedding it in a PDF"
        raise ExportError(f"{_REFUSED}: {reason}", path=str(path)) from None
    except Exception as exc:  # a damaged file can fail anywhere in the parser
        detail = f"not a readable TrueType font ({type(exc).__name__}: {exc})"
        raise ExportError(f"{_REFUSED}: {detail}", path=str(path)) from None
    bold, italic = fontpaths.sibling_faces(path)
    return _register(_family_name(font, path.stem), path, bold, italic)


def _vera() -> Face:
    """Bitstream Vera, shipped with reportlab: Latin only, but always there."""
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    return _register(
        "Bitstream Vera Sans",
        folder / "Vera.ttf",
        folder / "VeraBd.ttf",
        folder / "VeraIt.ttf",
    )


def _body_face() -> Face:
    for found in fontpaths.installed(fontpaths.BODY):
        face = _try_register(found)
        if face is not None:
            return face
    return _vera()


def _try_register(found: fontpaths.FoundFamily) -> Face | None:
    """The family registered, or None when its file cannot be used (a system
    font that is damaged, CFF-flavoured or not embeddable is skipped)."""
    try:
        return _register(found.family, found.regular, found.bold, found.italic, found.index)
    except Exception:
        return None


def _missing_message(chars: list[str], faces: list[Face]) -> str:
    listed = ", ".join(describe(c) for c in chars[:_MAX_LISTED])
    more = f" and {len(chars) - _MAX_LISTED} more" if len(chars) > _MAX_LISTED else ""
    families = " + ".join(f.family for f in faces)
    return (
        f"{len(chars)} character(s) have no glyph in the PDF's fonts ({families}) "
        f"and print as empty boxes: {listed}{more}; {INSTALL_HINT}"
    )


def choose_fonts(texts: Iterable[str], user_font: Path | None = None) -> tuple[FontSet, list[str]]:
    """The fonts for a document printing ``texts``, and the warnings to show.

    Raises :class:`ExportError` when ``user_font`` cannot be used.
    """
    body = _user_face(user_font) if user_font is not None else _body_face()
    faces = [body]
    chars: set[str] = set()
    for text in texts:
        chars.update(text)
    needed = sorted(c for c in chars if needs_glyph(c))
    uncovered = {c for c in needed if not body.covers(c)}
    if uncovered:
        for found in fontpaths.installed(fontpaths.FALLBACK):
            if not uncovered:
                break
            if any(f.path == found.regular for f in faces):
                continue
            face = _try_register(found)
            if face is not None:
                _adopt(face, faces, uncovered)
    tried: set[Path] = {f.path for f in faces}
    hopeless: set[str] = set()
    for _ in range(4):  # a few fontconfig queries at most, one per script gap
        pending = sorted(uncovered - hopeless)
        if not pending:
            break
        char = pending[0]
        for path, index in fontconfig_covering(char):
            if path in tried:
                continue
            tried.add(path)
            found = fontpaths.FoundFamily(family=path.stem, regular=path, index=index)
            face = _try_register(found)
            if face is not None:
                face.family = _family_name(_load(path, index), path.stem)
                if _adopt(face, faces, uncovered):
                    break
        if char in uncovered:
            hopeless.add(char)
    missing = sorted(uncovered)
    warnings = [_missing_message(missing, faces)] if missing else []
    return FontSet(faces=faces, missing=missing), warnings


def fontconfig_covering(char: str) -> list[tuple[Path, int]]:
    """Fonts fontconfig knows that cover ``char`` (a seam for tests)."""
    return fontpaths.fontconfig_covering(char)


def _adopt(face: Face, faces: list[Face], uncovered: set[str]) -> bool:
    """Add ``face`` when it covers some of ``uncovered`` (which shrinks)."""
    gained = {c for c in uncovered if face.covers(c)}
    if not gained:
        return False
    faces.append(face)
    uncovered -= gained
    return True

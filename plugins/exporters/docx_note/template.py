"""Loading the reference document and checking that it has the note's styles.

As with pandoc's ``--reference-doc``, the template contributes its styles, page
setup, header and footer; its body text is thrown away.  A Word template
(.dotx) is accepted too: its package is relabelled as a document on loading.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec
from jtreport.errors import TemplateError

from . import styles as S
from .ooxml import w

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_TYPES = (
    b"application/vnd.ms-word.document.macroEnabled",
    b"application/vnd.ms-word.template.macroEnabled",
)
#: the internal names Word gives its built-in styles, by the names the note uses
_INTERNAL_NAMES = {S.HEADER: "header", S.FOOTER: "footer"}


class StyleMap(msgspec.Struct, frozen=True):
    """The style id of every style the note uses, keyed by style name."""

    ids: Mapping[str, str]

    def __getitem__(self, name: str) -> str:
        return self.ids[name]


def load(path: Path | None, default: bytes) -> tuple[Any, StyleMap]:
    """Open the template (``path``, or the default bytes), check its styles and
    empty its body; return the python-docx document and its style ids.

    Raises :class:`TemplateError` for a file that is missing, not a .docx, or
    lacks a style the note needs.
    """
    label = str(path) if path is not None else "the default template"
    if path is None:
        data = default
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise TemplateError(
                f"cannot read the template: {exc.strerror or exc}", path=label
            ) from None
    document = _open(data, label)
    style_map = check_styles(document, label)
    clear_body(document)
    return document, style_map


def _open(data: bytes, label: str) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(_OLE_MAGIC):
        raise TemplateError(
            "is an old-format Word .doc or a password-protected file; "
            "save it as a .docx (Word Document) without a password",
            path=label,
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError("is not a Word .docx file", path=label)
    data = _as_document(data, label)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise TemplateError(f"is not a usable Word .docx file ({exc})", path=label) from None
    except Exception as exc:  # lxml syntax errors and friends from a damaged part
        raise TemplateError(
            f"is a damaged Word .docx file ({type(exc).__name__}: {exc})", path=label
        ) from None


def _as_document(data: bytes, label: str) -> bytes:
    """Relabel a .dotx package as a .docx one; refuse macro-enabled files."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml")
            if any(kind in types for kind in _MACRO_TYPES):
                raise TemplateError(
                    "is a macro-enabled Word file; save it as a .docx (Word Document)",
                    path=label,
                )
            if _TEMPLATE_TYPE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as relabelled:
                for info in package.infolist():
                    body = package.read(info)
                    if info.filename == "[Content_Types].xml":
                        body = body.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                    relabelled.writestr(info, body)
            return out.getvalue()
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise TemplateError(f"is not a usable Word .docx file ({exc})", path=label) from None


def check_styles(document: Any, label: str) -> StyleMap:
    """Map each style the note needs to its id; raise :class:`TemplateError`
    naming the styles that are missing or of the wrong kind."""
    found: dict[str, tuple[str, str]] = {}
    for style in document.styles.element.iter(w("style")):
        name = style.find(w("name"))
        if name is None:
            continue
        key = (name.get(w("val")) or "").casefold()
        # the first definition wins, as in Word
        found.setdefault(key, (style.get(w("styleId")) or "", style.get(w("type")) or ""))
    ids: dict[str, str] = {}
    missing: list[str] = []
    wrong: list[str] = []
    for name, kind in S.REQUIRED:
        hit = found.get(_INTERNAL_NAMES.get(name, name).casefold()) or found.get(name.casefold())
        if hit is None or not hit[0]:
            missing.append(name)
        elif hit[1] != kind:
            wrong.append(f"{name!r} is a {hit[1] or 'untyped'} style, not a {kind} style")
        else:
            ids[name] = hit[0]
    if missing:
        names = ", ".join(repr(m) for m in missing)
        noun = "style" if len(missing) == 1 else "styles"
        raise TemplateError(
            f"lacks the {noun} {names} that the briefing note uses; add "
            f"{'it' if len(missing) == 1 else 'them'} to the template, or start from "
            "the one 'jtreport --write-template FILE' writes",
            path=label,
        )
    if wrong:
        raise TemplateError(f"has the wrong kind of style: {'; '.join(wrong)}", path=label)
    return StyleMap(ids)


def clear_body(document: Any) -> None:
    """Remove the template's content, keeping the final section properties
    (page size, margins, header and footer references)."""
    body = document.element.body
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    body.get_or_add_sectPr()  # a package without one gets Word's default page

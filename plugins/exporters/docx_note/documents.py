"""The documents the statement records as signed, concluded, entered into force
or launched, with paragraph, parties and date (the shared view
:func:`jtreport.digest.signed_documents`)."""

from __future__ import annotations

from jtreport.digest import document_date

from . import styles as S
from .context import NoteContext
from .front import DOCUMENTS_HEADING
from .ooxml import Cell
from .text import count, paragraph_ref
from .writer import NoteWriter


def documents_signed(out: NoteWriter, ctx: NoteContext) -> None:
    """The table of documents; it opens the body, on the page after the front sheet."""
    out.heading(1, DOCUMENTS_HEADING, new_page=True)
    documents = ctx.briefing.documents
    if not documents:
        out.para(S.NORMAL, "None: see the key deliverables.")
        return
    done = sum(1 for d in documents if d.done)
    agreed = len(documents) - done
    summary = (
        f"The statement records {count(done, 'document or mechanism', 'documents or mechanisms')}"
        " as signed or launched"
    )
    summary += f", and {count(agreed, 'more')} as agreed to come." if agreed else "."
    out.para(S.AREA_NOTE, f"{summary} A date “by” a day is the statement's own date.")
    rows: list[list[Cell]] = [
        [
            [[document.name], [out.ref(f"{document.event}, {paragraph_ref(document.item)}")]],
            [["; ".join(document.parties) or "not named"]],
            [[document_date(ctx.statement, document)]],
        ]
        for document in documents
    ]
    out.table([7.2, 5.0, 3.4], ["Document", "Parties", "Date"], rows)

"""The named styles the briefing note is written with.

The note uses no direct formatting: every paragraph, run and table names one of
the styles below, so a ministry's reference document decides how it looks.  The
template checker requires all of them; ``templates/make_template.py`` defines
them in the default template.  Kept free of heavy imports.
"""

from __future__ import annotations

from typing import Literal

StyleKind = Literal["paragraph", "character", "table"]

# Paragraph styles: Word's built-ins first, then the note's own.
NORMAL = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
HEADING_3 = "Heading 3"
LIST_BULLET = "List Bullet"
HEADER = "Header"
FOOTER = "Footer"
CLASSIFICATION = "Classification"
NOTE_META = "Note Meta"
AREA_NOTE = "Area Note"
COMMITMENT = "Commitment"
COMMITMENT_DETAIL = "Commitment Detail"
TABLE_TEXT = "Annex Table Text"
TABLE_HEADING = "Annex Table Heading"

# Character styles.
LABEL = "Label"
REFERENCE = "Reference"

# Table style.
TABLE = "Briefing Table"

#: Every style the note needs, with its kind, in the order messages list them.
REQUIRED: tuple[tuple[str, StyleKind], ...] = (
    (NORMAL, "paragraph"),
    (TITLE, "paragraph"),
    (SUBTITLE, "paragraph"),
    (HEADING_1, "paragraph"),
    (HEADING_2, "paragraph"),
    (HEADING_3, "paragraph"),
    (LIST_BULLET, "paragraph"),
    (HEADER, "paragraph"),
    (FOOTER, "paragraph"),
    (CLASSIFICATION, "paragraph"),
    (NOTE_META, "paragraph"),
    (AREA_NOTE, "paragraph"),
    (COMMITMENT, "paragraph"),
    (COMMITMENT_DETAIL, "paragraph"),
    (TABLE_TEXT, "paragraph"),
    (TABLE_HEADING, "paragraph"),
    (LABEL, "character"),
    (REFERENCE, "character"),
    (TABLE, "table"),
)

"""The two kinds of format a plugin can add: readers (bytes -> text blocks) and
exporters (model -> file).  Plugins subclass :class:`Reader` or :class:`Exporter`
and hand an instance to the ``register`` callback of the matching hook."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, ClassVar

if TYPE_CHECKING:
    from .blocks import ReadResult
    from .followup import FollowUp
    from .model import Statement


class Reader:
    """Turns the bytes of one input format into text blocks.

    Subclasses set :attr:`name`, :attr:`extensions` and implement :meth:`read`;
    :meth:`sniff` lets the reader claim a file by content whatever its name.
    Import heavy libraries inside :meth:`read`, never at module level.
    """

    #: short format name, e.g. ``"docx"``
    name: ClassVar[str] = ""
    #: file name endings this reader takes, lower case with the dot
    extensions: ClassVar[tuple[str, ...]] = ()
    #: one line for ``jtreport --plugins``
    description: ClassVar[str] = ""

    def sniff(self, head: bytes) -> bool:
        """True when the first bytes of a file show it is this reader's format."""
        return False

    def read(self, data: bytes, path: str) -> ReadResult:
        """Return the document's blocks; raise ``InputError`` for input that
        cannot be read (say why in one line).  ``path`` is for messages only."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class ExportOptions:
    """What an exporter may know besides the model.

    ``destination`` is the final path; the exporter writes to the stream it is
    given and the core renames a temporary file into place.  ``previous`` is the
    file already at ``destination`` (for exporters that merge a user's edits).
    """

    destination: Path
    previous: Path | None = None
    #: follow-up records per item ID, read back from a filled file (``--status``, or
    #: the matrix found at its destination) by :meth:`Exporter.read_followup`
    followup: Mapping[str, FollowUp] | None = None
    template: Path | None = None
    font: Path | None = None
    classification: str = "OFFICIAL"
    meeting: str | None = None
    author: str | None = None
    language: str = "en"
    #: the time stamped into documents, timezone-aware UTC (a naive value is taken
    #: as UTC, another zone converted): ``SOURCE_DATE_EPOCH`` when set, else now
    created: datetime = field(default_factory=lambda: datetime(1980, 1, 1, tzinfo=UTC))
    #: the day the reader reads the report (``--as-of``; default today, or the day
    #: of ``SOURCE_DATE_EPOCH``): what is overdue, passed or still ahead is
    #: judged against it
    as_of: date = field(default_factory=lambda: date(1980, 1, 1))
    #: the day of the meeting the reports prepare for (``--meeting-date``)
    meeting_date: date | None = None
    #: overwrite a file at ``destination`` that this exporter does not recognise
    force: bool = False
    #: free ``-O key=value`` settings, for plugin-specific options
    extra: Mapping[str, str] = field(default_factory=dict)
    #: collects warnings the exporter wants the user to see
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        object.__setattr__(self, "created", utc(self.created))


def utc(moment: datetime) -> datetime:
    """``moment`` as a timezone-aware UTC datetime; a naive one is taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class ExtraOption:
    """One ``-O KEY=VALUE`` setting an exporter reads from ``options.extra``."""

    key: str
    #: one line for ``jtreport --plugins`` and the docs
    help: str
    #: the values accepted (compared without case); empty: any value, which
    #: :meth:`Exporter.check_extra` may still refuse
    choices: tuple[str, ...] = ()


class Exporter:
    """Renders the commitment model into one output format.

    Subclasses set :attr:`name`, :attr:`extension` and implement :meth:`export`.
    Import heavy libraries inside :meth:`export`, never at module level, so that
    ``jtreport --help`` stays fast.
    """

    #: format name used by ``--format``, e.g. ``"xlsx"``
    name: ClassVar[str] = ""
    #: file name ending of the output, with the dot
    extension: ClassVar[str] = ""
    #: one line for ``--help`` and ``jtreport --plugins``
    description: ClassVar[str] = ""
    #: the ``-O KEY=VALUE`` settings this exporter reads; a ``-O`` key that no
    #: chosen exporter declares is a usage error
    extra_options: ClassVar[tuple[ExtraOption, ...]] = ()

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> str | None:
        """Write the report for ``statement`` to ``stream``; raise ``ExportError``
        for problems the user can fix, ``NothingToExport`` when there is nothing
        to write.  Return what the file holds in a few words (``"12 rows"``) for
        the ``wrote ...`` line, or None for the model's own figures."""
        raise NotImplementedError

    def check_extra(self, key: str, value: str) -> str | None:
        """Why ``value`` is not valid for this exporter's ``-O`` option ``key``
        (one line), or None when it is.  Called before any input is read; the
        default accepts the option's ``choices`` (any value when it has none)."""
        option = next((o for o in self.extra_options if o.key == key), None)
        choices = option.choices if option else ()
        if choices and value.strip().lower() not in {c.lower() for c in choices}:
            return f"-O {key}={value}: use one of {', '.join(choices)}"
        return None

    def default_template(self) -> bytes | None:
        """The bytes of the template this exporter styles its output with, for
        ``jtreport --write-template``; None when it has none."""
        return None

    def recognizes(self, path: Path) -> bool:
        """True when the existing file at ``path`` was written by this exporter, so
        regenerating may replace it.  Anything else is left alone unless the user
        passes ``--force``.  The default recognises nothing."""
        return False

    def read_followup(
        self, path: Path, statement: Statement, warnings: list[str]
    ) -> Mapping[str, FollowUp]:
        """The follow-up records a user filled in the file at ``path``: an
        optional capability, for formats people type statuses into (the Excel
        matrix; a CSV or a shared tracker could do the same).

        jtreport asks it of the exporter that recognises the file given to
        ``--status``, or the file at this exporter's destination for the input
        being converted; the records reach every exporter as
        ``options.followup``.  Return one record per item of ``statement``,
        keyed by that item's ID (match the file's rows to the items as the
        format allows: a redrafted statement renumbers its items); leave out
        what belongs to no item.  Append a line to ``warnings`` for anything
        the user should know (a record that moved to another ID).  Raise
        ``InputError`` (one line) for a file that cannot be read.  Only read
        the file.  The default has no such capability (see
        :func:`reads_followup`)."""
        raise NotImplementedError


def reads_followup(exporter: Exporter) -> bool:
    """True when ``exporter`` can read follow-up records back
    (it overrides :meth:`Exporter.read_followup`)."""
    return type(exporter).read_followup is not Exporter.read_followup


# Lower case, no commas or spaces: ``--format a,b`` splits on commas.
_NAME = re.compile(r"[a-z0-9][a-z0-9_.+-]*")
_EXTENSION = re.compile(r"\.[a-z0-9][a-z0-9_.+-]*")


def check_format(fmt: object, base: type[Exporter] | type[Reader]) -> str | None:
    """Why ``fmt`` cannot be registered as a ``base``, or None when it can
    (``all`` is reserved: ``--format all`` means every format)."""
    cls = type(fmt).__name__
    if isinstance(fmt, type) and issubclass(fmt, base):
        return f"register() takes an instance: register({fmt.__name__}()), not the class"
    if not isinstance(fmt, base):
        return f"register() takes a jtreport.formats.{base.__name__} instance, not {cls}"
    if not isinstance(fmt.name, str) or not _NAME.fullmatch(fmt.name):
        return (
            f"{cls}.name is {fmt.name!r}; a format name is lower-case letters, "
            "digits and . _ + - (no spaces or commas)"
        )
    if fmt.name == "all":
        return f"{cls}.name {fmt.name!r} is reserved"
    endings = (fmt.extension,) if isinstance(fmt, Exporter) else fmt.extensions
    if isinstance(endings, tuple) and all(
        isinstance(e, str) and _EXTENSION.fullmatch(e) for e in endings
    ):
        return None
    if isinstance(fmt, Exporter):
        return (
            f"{cls}.extension is {fmt.extension!r}; "
            "give the file name ending, lower case with its dot, e.g. '.csv'"
        )
    return (
        f"{cls}.extensions is {fmt.extensions!r}; "
        "give a tuple of file name endings, lower case with their dots, e.g. ('.ics',)"
    )

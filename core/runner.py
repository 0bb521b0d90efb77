"""What one ``jtreport`` invocation does: resolve inputs, formats and output
paths, then read -> parse -> transform -> export each input, isolating failures
per input and per format."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import ExportError, JtreportError, OptionError, shown
from .formats import Exporter, ExportOptions
from .pluginmanager import PluginHost

# jtreport.reading (msgspec) is imported where an input is read: --plugins needs neither

if TYPE_CHECKING:
    from .followup import FollowUp
    from .model import Statement

ALL = "all"


@dataclass(frozen=True)
class RunSettings:
    """The command's options, parsed."""

    inputs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    output: Path | None = None
    status_path: Path | None = None
    template: Path | None = None
    write_template: Path | None = None
    classification: str = "OFFICIAL"
    meeting: str | None = None
    meeting_date: date | None = None
    as_of: date | None = None
    author: str | None = None
    language: str = "en"
    font: Path | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    force: bool = False
    no_cache: bool = False
    schema: bool = False
    list_plugins: bool = False
    no_plugins: bool = False
    disabled: tuple[str, ...] = ()
    strict: bool = False
    plugin_timeout: float | None = None
    jobs: int = 1
    quiet: bool = False
    verbose: int = 0
    debug: bool = False
    as_json: bool = False

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> RunSettings:
        """Build settings from click's parameters, checking ``-O KEY=VALUE``."""
        extra: dict[str, str] = {}
        for pair in params.get("extra", ()):
            key, sep, value = pair.partition("=")
            if not sep or not key:
                raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="-O")
            extra[key.strip()] = value
        formats: list[str] = []
        for spec in params.get("formats", ()):
            formats.extend(part.strip() for part in spec.split(",") if part.strip())
        known = {f.name for f in cls.__dataclass_fields__.values()}
        values = {k: v for k, v in params.items() if k in known}
        values.update(extra=extra, formats=tuple(formats), inputs=tuple(params.get("inputs", ())))
        return cls(**values)


def created_time() -> datetime:
    """The time stamped into documents, timezone-aware UTC: ``SOURCE_DATE_EPOCH``
    when set, else now (to the second)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def make_host(settings: RunSettings, *, report: bool = True) -> PluginHost:
    """The plugin host the settings ask for (``report=False`` in a worker process:
    the parent has reported plugin problems already)."""
    return PluginHost(
        third_party=not settings.no_plugins,
        disabled=settings.disabled,
        strict=settings.strict,
        report=report,
        timeout=settings.plugin_timeout,
        trace=settings.debug,
    )


class Run:
    """One invocation of the command."""

    def __init__(self, settings: RunSettings, host: PluginHost | None = None) -> None:
        self.settings = settings
        self.host = host or make_host(settings)
        self.failures = 0

    # Entry ------------------------------------------------------------------

    def main(self) -> int:
        """Do what the settings ask; return the exit code."""
        s = self.settings
        if s.schema:
            import json

            from .model import json_schema

            click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
            return 0
        self.host.load()
        if s.list_plugins:
            from .listing import print_plugins

            print_plugins(self.host, as_json=s.as_json)
            return 1 if s.strict and self.host.errors else 0
        if s.write_template:
            return self._write_template(s.write_template)
        formats = self._formats()
        try:
            from .exporting import check_extra

            check_extra((self.host.exporters[f] for f in formats), s.extra)
        except OptionError as exc:
            raise click.UsageError(str(exc)) from None
        inputs = self._inputs()
        if s.status_path is not None and len(inputs) > 1:
            raise click.UsageError(
                "--status names the matrix of one statement, but there are "
                f"{len(inputs)} inputs; without --status each input shows the statuses of "
                "its own matrix in the output folder"
            )
        self._run_jobs(self._plan(inputs, formats))
        return 1 if self.failures else 0

    # Planning -----------------------------------------------------------------

    def _formats(self) -> list[str]:
        exporters = self.host.exporters
        requested = list(self.settings.formats) or [self._default_format()]
        chosen: list[str] = []
        for name in requested:
            names = exporters.names() if name == ALL else [name]
            for fmt in names:
                if fmt not in exporters:
                    choices = ", ".join([*exporters.names(), ALL])
                    why = self.host.unavailable(fmt) or f"unknown format {fmt!r}"
                    raise click.UsageError(shown(f"{why} (installed: {choices})"))
                if fmt not in chosen:
                    chosen.append(fmt)
        return chosen

    def _default_format(self) -> str:
        """With no ``--format``: the format ``-o FILE`` names by its extension, else
        the whole pack."""
        out = self.settings.output
        if out is not None and out.suffix and not out.is_dir():
            exporters = self.host.exporters
            for name in exporters.names():
                if exporters[name].extension == out.suffix.lower():
                    return name
        return ALL

    def _inputs(self) -> list[str]:
        from .reading import STDIN

        if not self.settings.inputs:
            from .api import bundled_statement

            return [str(bundled_statement())]
        found: list[str] = []
        for given in self.settings.inputs:
            path = Path(given)
            if given != STDIN and path.is_dir():
                found.extend(str(p) for p in self._statements_in(path))
            else:
                found.append(given)
        if not found:
            endings = sorted({e for r in self.host.readers.formats.values() for e in r.extensions})
            raise click.UsageError(
                shown(
                    f"{', '.join(self.settings.inputs)}: no statements in "
                    f"{'this directory' if len(self.settings.inputs) == 1 else 'these directories'}"
                    f" (files ending {' '.join(endings)})"
                )
            )
        return found

    def _statements_in(self, folder: Path) -> list[Path]:
        suffixes = {
            ext for reader in self.host.readers.formats.values() for ext in reader.extensions
        }
        return sorted(
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith(".")
        )

    def _plan(self, inputs: list[str], formats: list[str]) -> list[tuple[str, dict[str, Path]]]:
        from .reading import STDIN

        out = self.settings.output
        single_file = (
            out is not None
            and not out.is_dir()
            and len(inputs) == 1
            and len(formats) == 1
            and (out.suffix != "" or out.exists())
        )
        endings = {e.extension for e in self.host.exporters.formats.values()}
        names_file = out is not None and (
            (out.exists() and not out.is_dir()) or out.suffix.lower() in endings
        )
        if out is not None and not single_file and names_file:
            raise click.UsageError(
                shown(
                    f"{out}: -o names a file, but there are {len(inputs)} input(s) and "
                    f"{len(formats)} format(s); give a directory"
                )
            )
        plan: list[tuple[str, dict[str, Path]]] = []
        seen: dict[Path, str] = {}
        for source in inputs:
            stem = "statement" if source == STDIN else Path(source).stem
            targets: dict[str, Path] = {}
            for fmt in formats:
                if single_file and out is not None:
                    target = out
                else:
                    folder = out if out is not None else Path.cwd()
                    target = folder / f"{stem}{self.host.exporters[fmt].extension}"
                if target in seen:
                    raise click.UsageError(
                        shown(f"{seen[target]} and {source} would both write {target}")
                    )
                seen[target] = source
                targets[fmt] = target
            plan.append((source, targets))
        return plan

    # Converting ---------------------------------------------------------------

    def _run_jobs(self, plan: list[tuple[str, dict[str, Path]]]) -> None:
        """Convert every input, in worker processes when asked; print in input order."""
        jobs = [Job(source, targets) for source, targets in plan]
        show_bar = len(jobs) > 1 and not self.settings.quiet and sys.stderr.isatty()
        outcomes: Iterable[Outcome]
        workers = min(self.settings.jobs, len(jobs))
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(
                max_workers=workers, initializer=_init_worker, initargs=(self.settings,)
            )
            outcomes = pool.map(_convert_in_worker, jobs)
        else:
            pool = None
            outcomes = (convert(job, self.settings, self.host) for job in jobs)
        try:
            if show_bar:
                # the bar owns the terminal while it runs; messages follow it
                with click.progressbar(
                    outcomes,
                    length=len(jobs),
                    label="Converting",
                    file=sys.stderr,
                    show_pos=True,
                ) as bar:
                    collected = list(bar)
                outcomes = collected
            for outcome in outcomes:
                self._report(outcome)
        finally:
            if pool is not None:
                pool.shutdown()

    def _report(self, outcome: Outcome) -> None:
        for line in outcome.messages:
            click.echo(f"jtreport: {shown(line)}", err=True)
        for line in outcome.tracebacks:
            click.echo(shown(line), err=True)
        if not self.settings.quiet:
            for line in outcome.written:
                click.echo(shown(line))
        self.failures += outcome.failures

    def _write_template(self, path: Path) -> int:
        from .exporting import write_atomically

        names = list(self.settings.formats) or ["docx"]
        exporters = self.host.exporters
        for name in names:
            if name not in exporters:
                raise click.UsageError(f"unknown format {name!r}")
            template = exporters[name].default_template()
            if template is None:
                raise click.UsageError(f"the {name} format has no template to write")
            if path.exists() and not self.settings.force:
                raise ExportError("exists; not overwriting it (use --force)", path=str(path))
            write_atomically(path, template)
            if not self.settings.quiet:
                click.echo(shown(f"wrote {path} (the default {name} template)"))
        return 0


@dataclass(frozen=True)
class Job:
    """One input and the files it should become."""

    source: str
    targets: dict[str, Path]


@dataclass
class Outcome:
    """What converting one input printed and how many of its steps failed."""

    source: str
    written: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    #: with ``--debug``: the tracebacks of failed exports, line by line
    tracebacks: list[str] = field(default_factory=list)
    failures: int = 0

    def error(self, message: str) -> None:
        """Record a failure."""
        self.messages.append(message)
        self.failures += 1


def convert(job: Job, settings: RunSettings, host: PluginHost) -> Outcome:
    """Read, parse, transform and export one input; never raises for bad input."""
    from .api import parse_file
    from .exporting import export_file

    outcome = Outcome(job.source)
    label = label_of(job)
    try:
        statement = host.transform(parse_file(job.source, host=host, cache=not settings.no_cache))
    except JtreportError as exc:
        outcome.error(str(exc) if exc.path else f"{label}: {exc}")
        return outcome
    except Exception as exc:
        if settings.debug:
            raise
        outcome.error(f"{label}: unexpected error while parsing: {type(exc).__name__}: {exc}")
        return outcome
    if settings.verbose and statement.source is not None:
        outcome.messages.append(
            f"{label}: read as {statement.source.format}: {len(statement.paragraphs)} "
            f"paragraphs, {len(statement.items)} items, {len(statement.areas)} areas"
        )
    if not settings.quiet:
        # what the reader or parser could not settle: the user should check it
        outcome.messages.extend(f"{label}: warning: {w}" for w in statement.warnings)
    followup = _followup_for(job, settings, host, statement, outcome)
    if followup:
        from .followup import apply_corrections

        # the officer's corrections (category, commitment, actors) reach every report
        statement = apply_corrections(statement, followup)
    figures = (
        f"{len(statement.paragraphs)} paragraphs, {len(statement.items)} items, "
        f"{len(statement.commitments)} commitments, {len(statement.areas)} areas"
    )
    for fmt, target in job.targets.items():
        options = _options(settings, target, followup)
        try:
            done = export_file(host.exporters[fmt], statement, options, timeout=host.timeout)
        except Exception as exc:  # only this format fails
            if settings.debug:
                import traceback

                outcome.tracebacks += "".join(traceback.format_exception(exc)).splitlines()
            message = str(exc) if isinstance(exc, JtreportError) else f"{target}: {exc!r}"
            origin = host.exporters.origins[fmt]
            suffix = "" if origin.builtin else f" [plugin {origin.describe()}]"
            outcome.error(" ".join(p.strip() for p in message.splitlines() if p.strip()) + suffix)
            continue
        outcome.messages.extend(f"{target}: warning: {w}" for w in options.warnings)
        if done.skipped is not None:
            outcome.written.append(f"skipped {target} ({fmt}: {done.skipped})")
        else:
            outcome.written.append(f"wrote {target} ({fmt}: {done.figures or figures})")
    return outcome


def _followup_for(
    job: Job, settings: RunSettings, host: PluginHost, statement: Statement, outcome: Outcome
) -> Mapping[str, FollowUp] | None:
    """The follow-up records the reports show: from the file given to ``--status``,
    else from the filled file at this input's destination that an exporter able
    to read follow-up back recognises (the desk officer's matrix).  Asked of the
    exporters (:meth:`Exporter.read_followup`): core knows no file format."""
    from .reading import STDIN

    warnings: list[str] = []
    given = settings.status_path
    if given is not None:
        try:
            found = read_followup_file(given, statement, host, warnings, debug=settings.debug)
        except JtreportError as exc:
            outcome.error(str(exc))
            return None
        outcome.messages.extend(f"{given}: warning: {w}" for w in warnings)
        return found
    stem = "statement" if job.source == STDIN else Path(job.source).stem
    folder = next(iter(job.targets.values())).parent
    for exporter in _followup_exporters(host):
        path = job.targets.get(exporter.name) or folder / f"{stem}{exporter.extension}"
        if not path.is_file() or not _recognises(exporter, path):
            continue
        try:
            found = _read_followup(exporter, path, statement, warnings, settings.debug)
        except JtreportError as exc:
            outcome.messages.append(f"{exc} (statuses not shown)")
            return None
        outcome.messages.extend(f"{path}: warning: {w}" for w in warnings)
        outcome.written.append(f"{label_of(job)}: showing the statuses recorded in {path}")
        return found
    return None


def read_followup_file(
    path: Path, statement: Statement, host: PluginHost, warnings: list[str], *, debug: bool = False
) -> Mapping[str, FollowUp]:
    """The follow-up records filled in the file at ``path`` (``--status``), read
    by the installed exporter that recognises it, by the item IDs of
    ``statement``; the reader's notes are appended to ``warnings``.  Raises
    :class:`~jtreport.errors.InputError` (one line) for a file no exporter can
    read statuses from, or one its exporter cannot read."""
    reader = _followup_reader(path, _followup_exporters(host))
    return _read_followup(reader, path, statement, warnings, debug)


def _followup_exporters(host: PluginHost) -> list[Exporter]:
    """The host's exporters that can read follow-up back, in the listing's order."""
    from .formats import reads_followup

    exporters = [host.exporters[name] for name in host.exporters.names()]
    return [e for e in exporters if reads_followup(e)]


def _followup_reader(path: Path, capable: list[Exporter]) -> Exporter:
    """The exporter that reads follow-up from ``path``: the one that recognises
    it, else the one whose extension it has (to say why it cannot)."""
    from .errors import InputError

    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "is not a file", path=str(path))
    for exporter in capable:
        if _recognises(exporter, path):
            return exporter
    for exporter in capable:
        if path.suffix.lower() == exporter.extension.lower():
            return exporter
    kinds = ", ".join(f"{e.name} ({e.extension})" for e in capable) or "none is installed"
    raise InputError(
        f"is not a file jtreport can read statuses from (formats that can: {kinds})",
        path=str(path),
    )


def _recognises(exporter: Exporter, path: Path) -> bool:
    """``exporter.recognizes(path)``; a plugin that fails there recognises nothing."""
    try:
        return exporter.recognizes(path)
    except Exception:
        return False


def _read_followup(
    exporter: Exporter, path: Path, statement: Statement, warnings: list[str], debug: bool
) -> Mapping[str, FollowUp]:
    """``exporter.read_followup``, with a plugin's unexpected failure made one
    line (a traceback with ``--debug``)."""
    from .errors import InputError

    try:
        return exporter.read_followup(path, statement, warnings)
    except JtreportError:
        raise
    except Exception as exc:
        if debug:
            raise
        raise InputError(
            f"the {exporter.name} exporter could not read the statuses in it: "
            f"{type(exc).__name__}: {exc}",
            path=str(path),
        ) from exc


def _options(
    settings: RunSettings, target: Path, followup: Mapping[str, FollowUp] | None
) -> ExportOptions:
    return ExportOptions(
        destination=target,
        followup=followup,
        template=settings.template,
        font=settings.font,
        classification=settings.classification,
        meeting=settings.meeting,
        meeting_date=settings.meeting_date,
        as_of=settings.as_of or created_time().date(),
        author=settings.author,
        language=settings.language,
        created=created_time(),
        force=settings.force,
        extra=dict(settings.extra),
    )


def label_of(job: Job) -> str:
    """How messages name an input."""
    from .reading import STDIN

    return "<stdin>" if job.source == STDIN else job.source


_worker_state: dict[str, Any] = {}


def _init_worker(settings: RunSettings) -> None:
    _worker_state["settings"] = settings
    _worker_state["host"] = make_host(settings, report=False)


def _convert_in_worker(job: Job) -> Outcome:
    return convert(job, _worker_state["settings"], _worker_state["host"])

"""The ``jtreport`` command.

Kept light on purpose: this module imports click and jtreport's own small
modules only; every heavy library is imported by the exporter that needs it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import __version__

EXAMPLES = """
\b
Examples:
  jtreport --format xlsx                   # the bundled statement, as an Excel matrix
  jtreport statement.txt -f docx -f pdf    # a briefing note and a PDF summary
  jtreport statements/ -f all -o pack/     # every statement in a folder, every format
  jtreport -f docx --status matrix.xlsx    # show the progress recorded in a filled matrix
  cat statement.md | jtreport - -f json    # read standard input
  jtreport --schema                        # the JSON Schema of the commitment model
  jtreport --plugins                       # installed plugins and formats

Exit status: 0 success, 1 a conversion failed, 2 a usage error.
"""


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """An option's calendar day written YYYY-MM-DD, as a ``date`` (None when not given)."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


class _Command(click.Command):
    """Adds the installed formats to ``--help``."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .pluginmanager import PluginHost, log_problem

        host = PluginHost(
            third_party=not ctx.params.get("no_plugins", False),
            disabled=ctx.params.get("disabled", ()),
            report=False,
        )
        exporters = host.exporters
        if host.problems:  # logging is set up only when there is something to say
            _configure_logging(quiet=bool(ctx.params.get("quiet")))
            for line in host.problems:
                log_problem(line)
        rows = [(name, exporters[name].description) for name in exporters.names()]
        rows.append(("all", "every installed format"))
        with formatter.section("Formats"):
            formatter.write_dl(rows)
        super().format_epilog(ctx, formatter)


@click.command(
    cls=_Command, epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT",
    help="Output format (repeat, or comma-separate; 'all' for every one). "
    "Default: the one -o FILE names by its extension, else all.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file (one input, one format) or directory. Default: the current directory.",
)
@click.option(
    "--status",
    "status_path",
    type=click.Path(path_type=Path),
    help="A filled matrix (.xlsx) whose statuses the reports show.",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="A .docx whose styles, margins, header and footer the note uses.",
)
@click.option(
    "--write-template",
    type=click.Path(path_type=Path),
    help="Write the default Word template to this path and exit.",
)
@click.option(
    "--classification",
    default="OFFICIAL",
    show_default=True,
    help="Classification line for the reports.",
)
@click.option(
    "--meeting",
    help="The meeting the reports prepare for (e.g. 'Follow-up consultations, May 2026').",
)
@click.option(
    "--meeting-date",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="The day of that meeting: milestones are placed before or after it.",
)
@click.option(
    "--as-of",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="Judge what is overdue or passed on this day. Default: today "
    "(the day of SOURCE_DATE_EPOCH when set).",
)
@click.option("--author", help="Author recorded in the reports' properties.")
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="Language tag recorded in the reports (e.g. en-GB).",
)
@click.option("--font", type=click.Path(path_type=Path), help="A TrueType font file for the PDF.")
@click.option("-O", "extra", multiple=True, metavar="KEY=VALUE", help="A plugin-specific option.")
@click.option("--force", is_flag=True, help="Replace output files that jtreport did not write.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Parse again even if this statement's model is cached (also JTREPORT_NO_CACHE=1).",
)
@click.option(
    "--schema", is_flag=True, help="Print the JSON Schema of the commitment model and exit."
)
@click.option(
    "--plugins", "list_plugins", is_flag=True, help="List installed plugins and formats and exit."
)
@click.option("--no-plugins", is_flag=True, help="Load no third-party plugins.")
@click.option(
    "--disable-plugin",
    "disabled",
    multiple=True,
    metavar="NAME",
    help="Do not load this plugin (repeatable; built-ins too).",
)
@click.option("--strict", is_flag=True, help="Treat a plugin that fails to load as an error.")
@click.option(
    "--plugin-timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop a plugin call (an export, a hook) that runs longer (also JTREPORT_PLUGIN_TIMEOUT).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for several inputs.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only (no summaries, no warnings).")
@click.option("-v", "--verbose", count=True, help="Say more (repeatable).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option("--json", "as_json", is_flag=True, help="With --plugins: print JSON.")
@click.version_option(__version__, "-V", "--version", prog_name="jtreport")
@click.pass_context
def main(ctx: click.Context, /, **params: Any) -> None:
    """Turn a joint statement into a briefing pack.

    Reads each INPUT (.txt, .md and the formats of installed readers; '-' for
    standard input; a directory for every statement in it). With no INPUT,
    converts the bundled Japan–Tajikistan Joint Statement of 20 December 2025.
    """
    from .pluginmanager import defer_log_setup
    from .runner import Run, RunSettings

    settings = RunSettings.from_params(params)
    # logging is imported and set up only in a run that logs something
    defer_log_setup(lambda: _configure_logging(quiet=settings.quiet, debug=settings.debug))
    try:
        code = Run(settings).main()
    except click.exceptions.Exit:
        raise
    except click.UsageError:
        raise
    except Exception as exc:
        if settings.debug:
            raise
        from .errors import JtreportError, shown

        message = str(exc) if isinstance(exc, JtreportError) else f"{type(exc).__name__}: {exc}"
        click.echo(f"jtreport: {shown(message)}", err=True)
        code = 1
    ctx.exit(code)


def _configure_logging(*, quiet: bool, debug: bool = False) -> None:
    """Print log messages (the plugin manager's) to stderr as ``jtreport: message``;
    with ``debug``, jtreport's own debug lines (the hook calls) too."""
    import logging

    level = logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(format="jtreport: %(message)s", level=level, stream=sys.stderr)
    if debug:
        logging.getLogger("jtreport").setLevel(logging.DEBUG)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command in-process and return its exit code (for embedding)."""
    try:
        main.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    return 0


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()

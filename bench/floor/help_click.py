"""The ``--help`` floor: a bare click command that prints what ``jtreport
--help`` prints, word for word (the same options and help texts, the formats as
a static list, the examples), and ``--version``.  Nothing else is imported.
``bench/run.py`` checks that the two outputs are still the same text.

Usage: python help_click.py --help | --version
"""

from __future__ import annotations

from pathlib import Path

import click

FORMATS = (
    ("docx", "a Word briefing note for the follow-up meeting (styled by --template)"),
    ("json", "the commitment model as JSON (see docs/model.md)"),
    ("pdf", "a 2-4 page PDF summary: recommendations, documents signed, status, lines to take"),
    ("xlsx", "Excel implementation matrix: one row per item, status drop-downs"),
    ("all", "every installed format"),
)

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


class Command(click.Command):
    """Adds the formats to the help, as jtreport does."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The formats, then the examples."""
        with formatter.section("Formats"):
            formatter.write_dl(FORMATS)
        super().format_epilog(ctx, formatter)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> object:
    """A YYYY-MM-DD option, as jtreport's callback takes it."""
    if value is None:
        return None
    from datetime import date

    return date.fromisoformat(value.strip())


@click.command(
    cls=Command, epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]}
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
@click.version_option("0.1.0", "-V", "--version", prog_name="jtreport")
def main(**params: object) -> None:
    """Turn a joint statement into a briefing pack.

    Reads each INPUT (.txt, .md and the formats of installed readers; '-' for
    standard input; a directory for every statement in it). With no INPUT,
    converts the bundled Japan–Tajikistan Joint Statement of 20 December 2025.
    """


if __name__ == "__main__":
    main(prog_name="jtreport")

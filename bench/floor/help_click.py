"""The ``--help`` floor: a bare click command with the options ``jtreport --help``
prints, its epilog (the formats as a static list, the examples) and
``--version``.  Nothing else is imported.  ``bench/run.py`` checks that the
option names still match the real command's.

Usage: python help_click.py --help | --version
"""

from __future__ import annotations

from pathlib import Path

import click

FORMATS = (
    ("docx", "a Word briefing note for the follow-up meeting (styled by --template)"),
    ("json", "the commitment model as JSON (see docs/model.md)"),
    ("pdf", "a printable PDF summary: key figures, commitments by area, milestones"),
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


@click.command(
    cls=Command, epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-f", "--format", "formats", multiple=True, metavar="FORMAT", help="Output format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file or directory.")
@click.option("--status", type=click.Path(path_type=Path), help="A filled matrix (.xlsx).")
@click.option("--template", type=click.Path(path_type=Path), help="A .docx template.")
@click.option("--write-template", type=click.Path(path_type=Path), help="Write the template.")
@click.option("--classification", default="OFFICIAL", show_default=True, help="Classification.")
@click.option("--meeting", help="The meeting the reports prepare for.")
@click.option("--author", help="Author recorded in the reports' properties.")
@click.option("--language", default="en", show_default=True, help="Language tag.")
@click.option("--font", type=click.Path(path_type=Path), help="A TrueType font for the PDF.")
@click.option("-O", "extra", multiple=True, metavar="KEY=VALUE", help="A plugin option.")
@click.option("--force", is_flag=True, help="Replace output files that jtreport did not write.")
@click.option("--no-cache", is_flag=True, help="Parse again even if the model is cached.")
@click.option("--schema", is_flag=True, help="Print the JSON Schema and exit.")
@click.option("--plugins", "list_plugins", is_flag=True, help="List plugins and exit.")
@click.option("--no-plugins", is_flag=True, help="Load no third-party plugins.")
@click.option("--disable-plugin", "disabled", multiple=True, metavar="NAME", help="Skip a plugin.")
@click.option("--strict", is_flag=True, help="Treat a plugin that fails to load as an error.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Jobs."
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", count=True, help="Say more (repeatable).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option("--json", "as_json", is_flag=True, help="With --plugins: print JSON.")
@click.version_option("0.1.0", "-V", "--version", prog_name="jtreport")
def main(**params: object) -> None:
    """Turn a joint statement into a briefing pack."""


if __name__ == "__main__":
    main()

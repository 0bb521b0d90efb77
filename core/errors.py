"""The errors jtreport raises on purpose.  Each carries the file it is about, so
the command can print one line: ``jtreport: FILE: problem``."""

from __future__ import annotations


class JtreportError(Exception):
    """Base of every error jtreport reports to the user as one line."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{shown(self.path)}: {self.message}" if self.path else self.message


class InputError(JtreportError):
    """The input cannot be read as a statement (missing, empty, binary, too large,
    undecodable, encrypted, scanned...)."""


class ParseError(JtreportError):
    """The parser could not build a model from the text it was given."""


class ExportError(JtreportError):
    """An exporter could not write its output (or refused to overwrite a file)."""


#: How a refusal to replace a file says how to allow it, on the command line;
#: :func:`jtreport.api.export` says ``force=True`` instead.
FORCE_HINT = "(use --force to replace it)"


class TemplateError(ExportError):
    """A user-supplied template cannot be used (e.g. it lacks a required style)."""


class OptionError(JtreportError):
    """A ``-O KEY=VALUE`` option that no chosen exporter accepts, or a value the
    exporter that declares it refuses (a usage error on the command line)."""


class NothingToExport(JtreportError):
    """Raised by an exporter that has nothing to write for this statement (a
    calendar of milestones for a statement that names none).  It is not a
    failure: no file is written, the run goes on, and the message says why."""


class PluginError(JtreportError):
    """A plugin failed to load or register (fatal only with ``--strict``)."""


class PluginStopped(PluginError):
    """Plugin code tried to end the run (``sys.exit``, a ``KeyboardInterrupt``
    it raised itself), or overran the plugin time limit."""


def shown(text: str) -> str:
    """``text`` safe to print on one line: control characters (a newline, an
    escape code), format characters and undecodable bytes of a file name are
    written as Python escapes (``\\n``, ``\\x1b``, ``\\udcff``); everything
    printable, accents, Cyrillic and Japanese included, is kept as it is."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)

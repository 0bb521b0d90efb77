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
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(JtreportError):
    """The input cannot be read as a statement (missing, empty, binary, too large,
    undecodable, encrypted, scanned...)."""


class ParseError(JtreportError):
    """The parser could not build a model from the text it was given."""


class ExportError(JtreportError):
    """An exporter could not write its output (or refused to overwrite a file)."""


class TemplateError(ExportError):
    """A user-supplied template cannot be used (e.g. it lacks a required style)."""


class PluginError(JtreportError):
    """A plugin failed to load or register (fatal only with ``--strict``)."""

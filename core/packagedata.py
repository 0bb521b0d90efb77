"""Where an installed data file of the package is (the bundled statement, the
note's template)."""

from __future__ import annotations

from pathlib import Path


def package_data(package: str, name: str) -> Path:
    """The file ``name`` of the data package ``package`` (``jtreport.samples``,
    ``jtreport.templates``), where it was installed: the package's own folder
    (found without :mod:`importlib.resources`, which costs a few milliseconds
    to import), else what ``importlib.resources`` says."""
    from importlib import import_module

    for folder in getattr(import_module(package), "__path__", ()):
        found = Path(folder) / name
        if found.is_file():
            return found
    from importlib.resources import files

    return Path(str(files(package).joinpath(name)))

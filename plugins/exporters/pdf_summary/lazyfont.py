"""TrueType fonts read on first use.

reportlab reads a whole TrueType file (its character map, every glyph's width)
when a ``TTFont`` is made: about 9 ms for a DejaVu face.  The summary's italic
face prints only the "(continued)" captions of tables that break across pages,
which many summaries never have, so it is registered as a :class:`LazyTTFont`:
registered by name like any font, its file read the first time a text in it is
measured, split or embedded.  Once read it is an ordinary ``TTFont``, and the
PDF is the same bytes as with an eager one.

Imported only when a PDF is written (reportlab is loaded here).
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace


class _PendingFace(TTFontFace):  # type: ignore[misc]
    """A font face whose file is read on the first look at anything but its
    name (reportlab's ``registerFont`` only asks for the name).  A file that
    cannot be read then gives way to the ``fallback`` face, as a style that
    fails to load uses the regular face."""

    def __init__(self, path: Path, index: int, name: str, fallback: tuple[Path, int]) -> None:
        # no TTFontFace.__init__ yet: that reads the file
        self.__dict__["_pending"] = ((str(path), index), (str(fallback[0]), fallback[1]))
        self.name = name.encode("ascii")

    def __getattr__(self, attr: str) -> Any:
        pending = self.__dict__.get("_pending")
        if pending is None or attr.startswith("__"):
            raise AttributeError(attr)
        del self.__dict__["_pending"]
        # an ordinary face from now on: a class with __getattr__ makes every
        # attribute look-up slow, and reading a font looks up a great many
        self.__class__ = TTFontFace
        (path, index), (other, other_index) = pending
        before = dict(self.__dict__)
        try:
            TTFontFace.__init__(self, path, validate=0, subfontIndex=index)
        except Exception:
            # what the failed read left (its bytes among it) must not be reused
            self.__dict__.clear()
            self.__dict__.update(before)
            TTFontFace.__init__(self, other, validate=0, subfontIndex=other_index)
        return getattr(self, attr)


class LazyTTFont(TTFont):  # type: ignore[misc]
    """A ``TTFont`` that reads its file on first use (see the module)."""

    def __init__(self, name: str, path: Path, index: int, fallback: tuple[Path, int]) -> None:
        # what TTFont.__init__ sets, with a face that is not read yet
        self.fontName = name
        self.face = _PendingFace(path, index, name, fallback)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)

    @property
    def loaded(self) -> bool:
        """True once the font's file has been read."""
        return not isinstance(self.face, _PendingFace)


def lazy_font(name: str, path: Path, index: int, fallback: tuple[Path, int]) -> LazyTTFont:
    """A font named ``name`` for the face ``index`` of ``path``, read on first
    use; the ``fallback`` face (file, index) stands in should it fail to read."""
    return LazyTTFont(name, path, index, fallback)

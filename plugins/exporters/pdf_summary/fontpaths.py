"""Where the PDF's fonts are looked for: a short list of well-known font files
on Linux, macOS and Windows, tried by name in the usual font folders (a few
dozen ``stat`` calls, never a scan of the disk), then ``fc-list`` when
fontconfig is installed.  No reportlab here: this module only finds files."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec


class Candidate(msgspec.Struct, frozen=True):
    """A font family we know, as file names relative to a font folder."""

    family: str
    regular: tuple[str, ...]
    bold: tuple[str, ...] = ()
    italic: tuple[str, ...] = ()


class FoundFamily(msgspec.Struct, frozen=True):
    """The files of one family found on this machine (``index``: the face in a .ttc)."""

    family: str
    regular: Path
    bold: Path | None = None
    italic: Path | None = None
    index: int = 0


def _under(folders: tuple[str, ...], *files: str) -> tuple[str, ...]:
    return tuple(folder + file for file in files for folder in folders)


_DEJAVU_DIRS = ("truetype/dejavu/", "dejavu/", "dejavu-sans-fonts/", "TTF/", "truetype/", "")
_DEJAVU = Candidate(
    "DejaVu Sans",
    _under(_DEJAVU_DIRS, "DejaVuSans.ttf"),
    _under(_DEJAVU_DIRS, "DejaVuSans-Bold.ttf"),
    _under(_DEJAVU_DIRS, "DejaVuSans-Oblique.ttf"),
)
_NOTO_DIRS = ("truetype/noto/", "noto/", "google-noto/", "TTF/", "")
_NOTO = Candidate(
    "Noto Sans",
    _under(_NOTO_DIRS, "NotoSans-Regular.ttf"),
    _under(_NOTO_DIRS, "NotoSans-Bold.ttf"),
    _under(_NOTO_DIRS, "NotoSans-Italic.ttf"),
)
_LIBERATION_DIRS = ("truetype/liberation2/", "truetype/liberation/", "liberation-sans/", "TTF/", "")
_LIBERATION = Candidate(
    "Liberation Sans",
    _under(_LIBERATION_DIRS, "LiberationSans-Regular.ttf"),
    _under(_LIBERATION_DIRS, "LiberationSans-Bold.ttf"),
    _under(_LIBERATION_DIRS, "LiberationSans-Italic.ttf"),
)
_ARIAL = Candidate(
    "Arial",
    ("Arial.ttf", "arial.ttf"),
    ("Arial Bold.ttf", "arialbd.ttf"),
    ("Arial Italic.ttf", "ariali.ttf"),
)
_SEGOE = Candidate("Segoe UI", ("segoeui.ttf",), ("segoeuib.ttf",), ("segoeuii.ttf",))

#: Body fonts, best first: each covers Latin and Cyrillic (DejaVu and Noto also
#: the Tajik letters ғ ӣ қ ӯ ҳ ҷ).
BODY: tuple[Candidate, ...] = (_DEJAVU, _NOTO, _LIBERATION, _ARIAL, _SEGOE)

#: Fonts tried, in order, for characters the body font lacks: wide Latin/Cyrillic
#: fonts first, then Japanese ones with TrueType outlines (reportlab cannot
#: embed CFF-flavoured OpenType such as Noto Sans CJK or Hiragino).
FALLBACK: tuple[Candidate, ...] = (
    _DEJAVU,
    _NOTO,
    Candidate(
        "IPAGothic",
        (
            "opentype/ipafont-gothic/ipag.ttf",
            "truetype/fonts-japanese-gothic.ttf",
            "ipa-gothic/ipag.ttf",
            "ipag.ttf",
        ),
    ),
    Candidate(
        "IPAexGothic",
        ("opentype/ipaexfont-gothic/ipaexg.ttf", "ipaex-gothic/ipaexg.ttf", "ipaexg.ttf"),
    ),
    Candidate(
        "VL Gothic",
        ("truetype/vlgothic/VL-Gothic-Regular.ttf", "vl-gothic-fonts/VL-Gothic-Regular.ttf"),
    ),
    Candidate("Takao Gothic", ("truetype/takao-gothic/TakaoGothic.ttf",)),
    Candidate(
        "Droid Sans Fallback",
        (
            "truetype/droid/DroidSansFallbackFull.ttf",
            "google-droid-sans-fonts/DroidSansFallbackFull.ttf",
        ),
    ),
    Candidate("Arial Unicode MS", ("Arial Unicode.ttf", "ARIALUNI.TTF")),
    Candidate("Yu Gothic", ("YuGothR.ttc",)),
    Candidate("Meiryo", ("meiryo.ttc",)),
    Candidate("MS Gothic", ("msgothic.ttc",)),
)


def font_dirs() -> list[Path]:
    """The folders fonts are installed in on this platform, system ones first."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        dirs = [windir / "Fonts"]
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data_home / "fonts",
        home / ".fonts",
    ]


def _first(names: tuple[str, ...], dirs: list[Path]) -> Path | None:
    for folder in dirs:
        for name in names:
            path = folder / name
            if path.is_file():
                return path
    return None


def locate(candidate: Candidate, dirs: list[Path] | None = None) -> FoundFamily | None:
    """The candidate's files on this machine, or None when its regular face is missing."""
    dirs = font_dirs() if dirs is None else dirs
    regular = _first(candidate.regular, dirs)
    if regular is None:
        return None
    return FoundFamily(
        family=candidate.family,
        regular=regular,
        bold=_first(candidate.bold, dirs),
        italic=_first(candidate.italic, dirs),
    )


def installed(candidates: Iterable[Candidate]) -> Iterator[FoundFamily]:
    """The candidates present on this machine, in the order given."""
    dirs = [d for d in font_dirs() if d.is_dir()]
    for candidate in candidates:
        found = locate(candidate, dirs)
        if found is not None:
            yield found


def sibling_faces(regular: Path) -> tuple[Path | None, Path | None]:
    """Bold and italic files next to a user-given font, by the usual naming
    schemes (``X-Regular``/``X-Bold``, ``X``/``X-Bold``, ``arial``/``arialbd``)."""
    stem, suffix = regular.stem, regular.suffix
    base = stem.removesuffix("-Regular").removesuffix("Regular").removesuffix("-Book")

    def pick(*names: str) -> Path | None:
        for name in names:
            path = regular.with_name(name + suffix)
            if path != regular and path.is_file():
                return path
        return None

    bold = pick(f"{base}-Bold", f"{base}Bold", f"{base} Bold", f"{stem}bd", f"{stem}b")
    italic = pick(
        f"{base}-Italic", f"{base}-Oblique", f"{base}Italic", f"{base} Italic", f"{stem}i"
    )
    return bold, italic


def fontconfig_covering(char: str) -> list[tuple[Path, int]]:
    """TrueType files (and face indexes) that fontconfig says cover ``char``,
    or an empty list when ``fc-list`` is not installed."""
    import subprocess  # only when no known font covers a character

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        done = subprocess.run(
            [fc_list, "-f", "%{file}|%{index}|%{fontformat}|%{style}\n", f":charset={ord(char):x}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    ranked: list[tuple[bool, str, int]] = []
    for line in done.stdout.splitlines():
        file, index, kind, style = [*line.split("|"), "", "", ""][:4]
        # CFF-flavoured OpenType cannot be embedded by reportlab
        if kind.strip() == "TrueType" and index.strip().isdigit():
            plain = style.split(",")[0].strip() in ("Regular", "Book", "Medium", "Normal")
            ranked.append((not plain, file, int(index)))
    return [(Path(file), index) for _, file, index in sorted(ranked)]

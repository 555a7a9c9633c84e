"""Exports encrypted with a password (SPEC 12.6): the PDF plan with AES-256, the Excel register with
Office's agile encryption; each opens with its password only, shows no text of the project without
it, and no readable copy of it ever reaches the disk, not even as a temporary file."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msoffcrypto
import olefile
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from ot62443_desktop.api import Project
from ot62443_desktop.exports.output import replacing
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.progress import ExportCancelled, ExportError, Hooks
from ot62443_desktop.exports.protect import PasswordProblem, password_problem
from ot62443_desktop.exports.register_rows import REGISTER_SHEET
from ot62443_desktop.exports.xlsx_register import write_register
from tests.exports.sealed import decrypted_workbook, pdf_text, readable

PASSWORD = "Correct horse 42!"
#: Text of the plant (tests/exports/conftest.py) that must not be readable without the password.
SECRETS = ("ACME Water", "North works", "Control network", "Safety system", "finding SR 1.3", "note SR 1.4",
           "OT lead")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the exports: the project and its lock and journal are in tmp_path."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def register(plant: Project, path: Path, password: str | None = None) -> Path:
    write_register(plant.store.snapshot(), plant.catalogues, path, password=password)
    return path


def plan(plant: Project, path: Path, password: str | None = None) -> Path:
    write_plan(plant.store.snapshot(), plant.catalogues, path, password=password)
    return path


def rows(workbook: Any) -> list[tuple[Any, ...]]:
    return [row for row in workbook[REGISTER_SHEET].iter_rows(values_only=True)]


# -- the register ----------------------------------------------------------------------------------


def test_the_encrypted_register_opens_with_its_password_and_holds_the_same_register(
        plant: Project, tmp_path: Path) -> None:
    sealed = register(plant, tmp_path / "sealed.xlsx", PASSWORD).read_bytes()
    plain = register(plant, tmp_path / "plain.xlsx").read_bytes()
    opened = decrypted_workbook(sealed, PASSWORD)
    import openpyxl

    expected = openpyxl.load_workbook(io.BytesIO(plain))
    assert opened.sheetnames == expected.sheetnames
    assert rows(opened) == rows(expected) and len(rows(opened)) == 12  # a header, ten zone gaps, the site's
    assert opened[REGISTER_SHEET].tables.keys() == expected[REGISTER_SHEET].tables.keys()


def test_the_encrypted_register_is_an_office_encrypted_container_with_no_readable_text(
        plant: Project, tmp_path: Path) -> None:
    sealed = register(plant, tmp_path / "sealed.xlsx", PASSWORD).read_bytes()
    plain = register(plant, tmp_path / "plain.xlsx").read_bytes()
    assert readable(plain, SECRETS) == set(SECRETS)  # the search finds them where they are readable
    assert readable(sealed, SECRETS) == set()
    ole = olefile.OleFileIO(io.BytesIO(sealed))
    streams = {"/".join(entry) for entry in ole.listdir()}
    # the package, how it is encrypted, and the fixed "data spaces" naming the transform
    assert {name for name in streams if not name.startswith("\x06DataSpaces/")} == {"EncryptedPackage",
                                                                                     "EncryptionInfo"}
    info = ole.openstream("EncryptionInfo").read()
    assert b'cipherAlgorithm="AES"' in info and b'keyBits="256"' in info and b'hashAlgorithm="SHA512"' in info


def test_a_wrong_password_does_not_open_the_register(plant: Project, tmp_path: Path) -> None:
    sealed = register(plant, tmp_path / "sealed.xlsx", PASSWORD).read_bytes()
    with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
        decrypted_workbook(sealed, PASSWORD.lower())


# -- the plan --------------------------------------------------------------------------------------


def test_the_encrypted_plan_opens_with_its_password_only(plant: Project, tmp_path: Path) -> None:
    sealed = PdfReader(plan(plant, tmp_path / "sealed.pdf", PASSWORD))
    plain = PdfReader(plan(plant, tmp_path / "plain.pdf"))
    assert sealed.is_encrypted
    assert not sealed.decrypt("not the password")
    assert sealed.decrypt(PASSWORD)
    assert len(sealed.pages) == len(plain.pages)
    assert pdf_text(sealed) == pdf_text(plain) and "ACME Water" in pdf_text(sealed)
    assert [item["/Title"] for item in sealed.outline if isinstance(item, DictionaryObject)] == [
        item["/Title"] for item in plain.outline if isinstance(item, DictionaryObject)]
    assert sealed.metadata is not None and sealed.metadata.title == plain.metadata.title  # type: ignore[union-attr]


def test_the_plan_is_encrypted_with_aes_256(plant: Project, tmp_path: Path) -> None:
    data = plan(plant, tmp_path / "sealed.pdf", PASSWORD).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/Filter"], encrypt["/V"], encrypt["/R"], encrypt["/Length"]) == ("/Standard", 5, 6, 256)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert (encrypt["/StmF"], encrypt["/StrF"]) == ("/StdCF", "/StdCF")
    # revision 6 as PDF 1.7 readers know it: Adobe's extension level 8
    assert data.startswith(b"%PDF-1.7")
    reader.decrypt(PASSWORD)
    extension = reader.trailer["/Root"]["/Extensions"]["/ADBE"]
    assert (extension["/BaseVersion"], extension["/ExtensionLevel"]) == ("/1.7", 8)


def test_the_encrypted_plan_shows_no_text_of_the_project(plant: Project, tmp_path: Path) -> None:
    names = ("ACME Water", "North works", "Control network", "Safety system")  # in its outline and properties
    assert readable(plan(plant, tmp_path / "plain.pdf").read_bytes(), names) == set(names)
    assert readable(plan(plant, tmp_path / "sealed.pdf", PASSWORD).read_bytes(), SECRETS) == set()


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_finds_the_encrypted_plan_sound_and_opens_it_with_the_password_only(
        plant: Project, tmp_path: Path) -> None:
    """A second, independent reader: qpdf checks every object and the AES-256 key."""
    path = plan(plant, tmp_path / "sealed.pdf", PASSWORD)
    good = subprocess.run(["qpdf", f"--password={PASSWORD}", "--check", str(path)], capture_output=True, text=True,
                          check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "R = 6" in good.stdout and "No syntax or stream encoding errors found" in good.stdout
    wrong = subprocess.run(["qpdf", "--password=guess", "--check", str(path)], capture_output=True, text=True,
                           check=False)
    assert wrong.returncode != 0 and "invalid password" in wrong.stderr


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_poppler_reads_the_encrypted_plan_with_the_password_only(plant: Project, tmp_path: Path) -> None:
    """Poppler is what LibreOffice, Evince and Okular read PDFs with."""
    path = plan(plant, tmp_path / "sealed.pdf", PASSWORD)
    good = subprocess.run(["pdftotext", "-upw", PASSWORD, "-l", "2", str(path), "-"], capture_output=True,
                          text=True, check=False)
    assert good.returncode == 0 and "ACME Water" in good.stdout, good.stderr
    wrong = subprocess.run(["pdftotext", "-upw", "guess", str(path), "-"], capture_output=True, text=True,
                           check=False)
    assert wrong.returncode != 0 and "ACME" not in wrong.stdout


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")
def test_ghostscript_reads_the_encrypted_plan_with_the_password_only(plant: Project, out: Path) -> None:
    path = plan(plant, out / "sealed.pdf", PASSWORD)

    def text(password: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-dLastPage=1",
                               f"-sPDFPassword={password}", "-sOutputFile=-", str(path)], capture_output=True,
                              text=True, timeout=120, check=False)

    assert "ACME Water" in text(PASSWORD).stdout
    assert "ACME" not in text("guess").stdout


# -- nothing readable on the disk ------------------------------------------------------------------


class _Writes:
    """Every file this process opens for writing while `recording` is on (an audit hook cannot be removed)."""

    recording = False
    paths: list[str] = []

    @classmethod
    def hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if not cls.recording or event != "open":
            return
        path, mode, flags = args
        if isinstance(path, int):
            return
        writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool(
            flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        if writing:
            cls.paths.append(os.fsdecode(path))


sys.addaudithook(_Writes.hook)


@pytest.fixture
def writes() -> Iterator[list[str]]:
    _Writes.paths = []
    _Writes.recording = True
    try:
        yield _Writes.paths
    finally:
        _Writes.recording = False


@pytest.mark.parametrize("kind", ["xlsx", "pdf"])
def test_no_file_but_the_encrypted_one_is_ever_written(plant: Project, out: Path, kind: str,
                                                      writes: list[str]) -> None:
    """openpyxl writes each sheet to a temporary file before zipping it; an encrypted register keeps them
    in memory. The one file written is the encrypted document's, beside its target, renamed over it."""
    (register if kind == "xlsx" else plan)(plant, out / f"sealed.{kind}", PASSWORD)
    assert writes and all(Path(path).parent == out for path in writes), writes
    assert [p.name for p in out.iterdir()] == [f"sealed.{kind}"]


def test_a_plain_register_still_uses_openpyxl_temporary_files(plant: Project, out: Path,
                                                               writes: list[str]) -> None:
    """The audit above sees what it must: a plain register's sheets go through temporary files."""
    register(plant, out / "plain.xlsx")
    assert any(Path(path).parent != out for path in writes)


@pytest.mark.parametrize("kind", ["xlsx", "pdf"])
def test_a_cancelled_encrypted_export_leaves_nothing_and_the_older_file_intact(
        plant: Project, out: Path, kind: str) -> None:
    target = out / f"sealed.{kind}"
    target.write_bytes(b"older export")
    steps: list[int] = []
    hooks = Hooks(progress=lambda done, total: steps.append(done), cancelled=lambda: len(steps) >= 2)
    writer = write_register if kind == "xlsx" else write_plan
    with pytest.raises(ExportCancelled):
        writer(plant.store.snapshot(), plant.catalogues, target, hooks=hooks, password=PASSWORD)
    assert target.read_bytes() == b"older export" and [p.name for p in out.iterdir()] == [target.name]


# -- passwords refused -----------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "password", "message"), [
    ("xlsx", "", "a password is needed to encrypt the register; nothing was written"),
    ("pdf", "", "a password is needed to encrypt the plan; nothing was written"),
    ("pdf", "sécurité-2026", "the password of the plan may only hold ASCII letters, digits, spaces and "
                             "punctuation: PDF readers do not all read other characters alike; nothing was written"),
    ("pdf", "x" * 128, "the password is longer than the plan can hold (127 characters at most); nothing was "
                       "written"),
    ("xlsx", "x" * 256, "the password is longer than the register can hold (255 characters at most); nothing was "
                        "written"),
])
def test_a_password_a_format_cannot_take_is_refused_before_anything_is_written(
        plant: Project, out: Path, kind: str, password: str, message: str) -> None:
    target = out / f"sealed.{kind}"
    target.write_bytes(b"older export")
    writer = write_register if kind == "xlsx" else write_plan
    with pytest.raises(ExportError) as error:
        writer(plant.store.snapshot(), plant.catalogues, target, password=password)
    assert str(error.value) == message
    assert target.read_bytes() == b"older export" and [p.name for p in out.iterdir()] == [target.name]


def test_the_register_takes_any_characters_the_plan_only_ascii() -> None:
    assert password_problem("sécurité-2026 ✓", "xlsx") is None
    assert password_problem("sécurité-2026", "pdf") is PasswordProblem.NOT_ASCII
    assert password_problem("tab\there", "pdf") is PasswordProblem.NOT_ASCII
    assert password_problem("x" * 127, "pdf") is None and password_problem("x" * 255, "xlsx") is None


def test_a_register_password_with_any_characters_opens_it(plant: Project, tmp_path: Path) -> None:
    password = "sécurité 2026 ✓ 密码"
    sealed = register(plant, tmp_path / "sealed.xlsx", password).read_bytes()
    assert rows(decrypted_workbook(sealed, password))[1][0] == "Z1"


def test_an_encryption_that_fails_writes_nothing_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "sealed.pdf"

    def failing(content: bytes) -> bytes:
        raise ValueError("no key")

    with pytest.raises(ExportError) as error, replacing(target, "the plan", failing) as out:
        out.write(b"%PDF-1.4 the plan")
    assert str(error.value) == f"{target}: cannot encrypt the plan (ValueError: no key); nothing was written"
    assert list(tmp_path.iterdir()) == []

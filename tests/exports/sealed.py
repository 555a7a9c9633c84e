"""Reading an exported file the way someone who found it without the password could: what text shows."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator

import msoffcrypto
import openpyxl
from pypdf import PdfReader

STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)


def _layers(data: bytes) -> Iterator[bytes]:
    """The bytes as they are, every member of them as a zip, and every PDF stream inflated."""
    yield data
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                yield archive.read(name)
    for match in STREAM.finditer(data):
        try:
            yield zlib.decompress(match.group(1))
        except zlib.error:
            continue


def readable(data: bytes, texts: Iterable[str]) -> set[str]:
    """Which of `texts` can be read in `data`, as UTF-8 or UTF-16 (PDF strings, Office streams)."""
    layers = list(_layers(data))
    found = set()
    for text in texts:
        forms = [text.encode(codec) for codec in ("utf-8", "utf-16-be", "utf-16-le")]
        if any(form in layer for layer in layers for form in forms):
            found.add(text)
    return found


def decrypted_workbook(data: bytes, password: str) -> openpyxl.Workbook:
    """The register inside an encrypted workbook, opened with `password` (msoffcrypto raises on a wrong one)."""
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    office.load_key(password=password)
    plain = io.BytesIO()
    office.decrypt(plain)
    return openpyxl.load_workbook(plain)


def pdf_text(reader: PdfReader, pages: int = 3) -> str:
    return "\n".join(page.extract_text() for page in reader.pages[:pages])

"""Exports sealed with a password (SPEC 12.6): the plan and the register are a map for attacking a plant.

Each function takes a finished document's bytes and returns them encrypted, all in memory: the
writers hand them to output.replacing, which writes only the sealed bytes, so no readable copy
of the document ever reaches the disk, not even a temporary file.
- the PDF plan: the standard security handler with AES-256 (revision 6, ISO 32000-2), by pypdf;
  every string and stream is encrypted, the document information too;
- the Excel register: Office's agile encryption (AES-256, SHA-512, 100,000 hash rounds), by
  msoffcrypto-tool: the workbook becomes an encrypted OLE container that Excel and LibreOffice
  Calc open after asking for the password.
"""

from __future__ import annotations

import enum
import io
import unicodedata

from ot62443_desktop.exports.progress import ExportError

#: The longest password each format keeps: a PDF (revision 6) reads 127 bytes of it, Office 255 characters.
MAX_LENGTH = {"pdf": 127, "xlsx": 255}
PDF_EXTENSION_LEVEL = 8  # Adobe's extension of PDF 1.7 that brought AES-256 revision 6


class PasswordProblem(enum.Enum):
    """Why a password cannot seal a document; the GUI says each in the person's language."""

    EMPTY = "a password is needed to encrypt {what}"
    CONTROL = ("the password of {what} holds a control character (a carriage return, a tab?), which nobody can "
               "type where it is asked for")
    TOO_LONG = "the password is longer than {what} can hold ({limit} characters at most)"
    NOT_ASCII = ("the password of {what} may only hold ASCII letters, digits, spaces and punctuation: "
                 "PDF readers do not all read other characters alike")


def password_problem(password: str, kind: str) -> PasswordProblem | None:
    """What is wrong with `password` for a document of `kind` ('pdf' or 'xlsx'), or None.

    A PDF password stays within printable ASCII: readers turn other characters into bytes in
    different ways (LibreOffice as Latin-1, others as UTF-8), and one that does would never open it.
    """
    if not password:
        return PasswordProblem.EMPTY
    if kind == "pdf" and not all(" " <= char <= "~" for char in password):
        return PasswordProblem.NOT_ASCII
    if has_control(password):
        return PasswordProblem.CONTROL
    if len(password) > MAX_LENGTH[kind]:
        return PasswordProblem.TOO_LONG
    return None


def has_control(password: str) -> bool:
    """Whether `password` holds a character no password box takes (one read from a file saved on
    Windows ends in a carriage return)."""
    return any(unicodedata.category(char) == "Cc" for char in password)


def check_password(password: str, kind: str, what: str) -> None:
    """Refuse (ExportError) a password that cannot seal `what` (e.g. "the plan"), before any work is done."""
    problem = password_problem(password, kind)
    if problem is not None:
        raise ExportError(problem.value.format(what=what, limit=MAX_LENGTH[kind]) + "; nothing was written")


def encrypt_pdf(data: bytes, password: str) -> bytes:
    """The PDF `data` encrypted with AES-256 (revision 6): it opens only with `password`."""
    check_password(password, "pdf", "the plan")
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(password, algorithm="AES-256")
    # revision 6 is PDF 2.0's, also known to PDF 1.7 readers as Adobe's extension level 8 (as qpdf writes it)
    writer.pdf_header = "%PDF-1.7"
    writer.root_object[NameObject("/Extensions")] = DictionaryObject({
        NameObject("/ADBE"): DictionaryObject({
            NameObject("/BaseVersion"): NameObject("/1.7"),
            NameObject("/ExtensionLevel"): NumberObject(PDF_EXTENSION_LEVEL),
        }),
    })
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypt_xlsx(data: bytes, password: str) -> bytes:
    """The workbook `data` under Office's agile encryption: it opens only with `password`."""
    check_password(password, "xlsx", "the register")
    from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-untyped]

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()

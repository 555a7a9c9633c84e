"""Sealing (SPEC 12.6): AES-256-GCM under a key derived from a passphrase by scrypt.

A sealed project file is MAGIC, a header (format version, scrypt parameters, salt and a key
check value), a fresh random 96-bit nonce, then the AES-GCM ciphertext of the whole project
document with its tag. The header is the associated data: no field of it changes unnoticed.
The scrypt output is 48 bytes: the first 32 are the key, the last 16 the check value kept in
the header, which tells a wrong passphrase from a damaged file without weakening the key
(guessing still costs one scrypt per guess). Each field of a header from elsewhere is bounded
before anything is derived: a planted file must not make the program allocate gigabytes or
work for minutes. Pure functions of bytes; the store names the file in its errors.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import struct
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded by the first seal, unseal or derivation: a plain project never needs it (~10 ms)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"OT62443-ENCRYPTED\n"  # what `head -1` shows of an encrypted project
FORMAT = 1
SCRYPT = 1  # the only key derivation of format 1
SALT_BYTES, CHECK_BYTES, KEY_BYTES, NONCE_BYTES, TAG_BYTES = 16, 16, 32, 12, 16
_FIELDS = struct.Struct(">BBBBB")  # format, kdf, log2(n), r, p
HEADER_BYTES = len(MAGIC) + _FIELDS.size + SALT_BYTES + CHECK_BYTES
MIN_SEALED_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES
MAX_MEMORY = 1 << 28  # bytes scrypt may need (128 * r * n): 256 MiB, 8 x what the program writes
MAX_WORK = 1 << 22  # n * r * p: 16 x what the program writes (about 1.5 s on a 2020s laptop)
_JOURNAL_AAD = b"OT62443-journal\0"


class SealError(ValueError):
    """Sealed bytes that cannot be opened: damaged, truncated or forged."""


class WrongKeyError(SealError):
    """The passphrase (or key) is not the one the bytes were sealed with."""


class NewerFormatError(SealError):
    """Sealed by a newer release, in a format this one does not read."""


@dataclass(frozen=True)
class KdfParams:
    """scrypt's cost: n = 2**log2_n blocks of 128 * r bytes, p times."""

    log2_n: int
    r: int
    p: int

    def problem(self) -> str | None:
        """Why a file's parameters are refused (before deriving anything); None if acceptable."""
        if not (1 <= self.log2_n <= 24 and 1 <= self.r <= 64 and 1 <= self.p <= 16):
            return f"scrypt parameters out of range (n=2^{self.log2_n}, r={self.r}, p={self.p})"
        n = 1 << self.log2_n
        if 128 * self.r * n > MAX_MEMORY or n * self.r * self.p > MAX_WORK:
            return (f"scrypt parameters too costly to try (n=2^{self.log2_n}, r={self.r}, p={self.p}: "
                    f"{128 * self.r * n >> 20} MiB)")
        return None


# 32 MiB and about 0.1 s per derivation: a guess costs that much; the open budget of SPEC 10 holds.
DEFAULT_PARAMS = KdfParams(log2_n=15, r=8, p=1)


@dataclass(frozen=True, eq=False)
class Key:
    """The key one passphrase gives for one salt: derived once per session, then reused for every save.

    It pickles (the GUI's export child gets it over its pipe) and never shows its secret in a repr.
    """

    params: KdfParams
    salt: bytes
    check: bytes
    secret: bytes

    def __repr__(self) -> str:
        return f"Key(id={self.id})"

    @property
    def id(self) -> str:
        """Names the key in a journal's header; it reveals no more than the file's header already does."""
        return self.check[:8].hex()

    def header(self) -> bytes:
        fields = _FIELDS.pack(FORMAT, SCRYPT, self.params.log2_n, self.params.r, self.params.p)
        return MAGIC + fields + self.salt + self.check

    def fits(self, header: Header) -> bool:
        """Whether this key is the one `header` was sealed with (no derivation needed)."""
        return (self.params == header.params and self.salt == header.salt
                and hmac.compare_digest(self.check, header.check))

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._cipher().encrypt(nonce, plaintext, aad)

    def unseal(self, sealed: bytes, aad: bytes) -> bytes:
        """The plaintext; InvalidTag if the bytes or `aad` are not what this key sealed."""
        return self._cipher().decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)

    def _cipher(self) -> AESGCM:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(self.secret)


@dataclass(frozen=True)
class Header:
    params: KdfParams
    salt: bytes
    check: bytes


def derive(passphrase: str, params: KdfParams = DEFAULT_PARAMS, salt: bytes | None = None) -> Key:
    """The key of `passphrase` for `salt` (a new random salt if None). The passphrase is taken in
    Unicode's composed form, so the same words typed on another system give the same key."""
    if problem := params.problem():
        raise SealError(problem)
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt = os.urandom(SALT_BYTES) if salt is None else salt
    out = Scrypt(salt=salt, length=KEY_BYTES + CHECK_BYTES, n=1 << params.log2_n, r=params.r,
                 p=params.p).derive(_utf8(unicodedata.normalize("NFC", passphrase)))
    return Key(params, salt, out[KEY_BYTES:], out[:KEY_BYTES])


def _utf8(text: str) -> bytes:
    """The passphrase's bytes: an undecodable byte of the environment (a lone surrogate of Python's
    surrogateescape) is that byte again; any other lone surrogate (Windows' environment may hold one)
    is encoded as it is, rather than failing with the passphrase inside the exception."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def read_header(data: bytes) -> Header:
    """The header of sealed bytes, every field checked; SealError saying what is wrong."""
    if not is_sealed(data):
        raise SealError("not an encrypted project (its first bytes are not the program's mark)")
    if len(data) < MIN_SEALED_BYTES:
        raise SealError(f"the encrypted file is truncated ({len(data)} bytes)")
    version, kdf, log2_n, r, p = _FIELDS.unpack_from(data, len(MAGIC))
    if version > FORMAT:
        raise NewerFormatError(f"encrypted in a newer format ({version}) than this program reads; "
                               "please update the program")
    if version != FORMAT:
        raise SealError(f"its header is damaged (format {version})")
    if kdf != SCRYPT:
        raise SealError(f"its header is damaged (unknown key derivation {kdf})")
    params = KdfParams(log2_n, r, p)
    if problem := params.problem():
        raise SealError(f"its header is damaged or forged ({problem})")
    start = len(MAGIC) + _FIELDS.size
    return Header(params, data[start:start + SALT_BYTES], data[start + SALT_BYTES:HEADER_BYTES])


def key_for(header: Header, secret: str | Key) -> Key:
    """The key `secret` gives for this header; WrongKeyError if it is not the one it was sealed with."""
    key = derive(secret, header.params, header.salt) if isinstance(secret, str) else secret
    if not key.fits(header):
        raise WrongKeyError("wrong passphrase: it does not open this encrypted project" if isinstance(secret, str)
                            else "the key given does not open this encrypted project (was its passphrase changed?)")
    return key


def seal_document(key: Key, plaintext: bytes) -> bytes:
    header = key.header()
    return header + key.seal(plaintext, header)


def unseal_document(data: bytes, key: Key) -> bytes:
    """The document sealed in `data` under `key` (which fits its header); SealError if damaged."""
    from cryptography.exceptions import InvalidTag

    try:
        return key.unseal(data[HEADER_BYTES:], data[:HEADER_BYTES])
    except InvalidTag:
        raise SealError("the encrypted contents are damaged (they fail their authentication check)") from None


def journal_aad(anchor: bytes, index: int) -> bytes:
    """What binds a journal record to its journal (`anchor`: a digest of its header) and its place in it:
    a record moved to another place or another journal does not open."""
    return _JOURNAL_AAD + anchor + index.to_bytes(8, "big")


def seal_record(key: Key, body: bytes, aad: bytes) -> bytes:
    """A journal record's body sealed, as ASCII (base64): a journal line never holds a newline."""
    return base64.b64encode(key.seal(body, aad))


def unseal_record(key: Key, line: bytes, aad: bytes) -> bytes | None:
    """The body of a sealed journal record; None if it is damaged, forged or misplaced."""
    from cryptography.exceptions import InvalidTag

    try:
        sealed = base64.b64decode(line, validate=True)
        if len(sealed) < NONCE_BYTES + TAG_BYTES:
            return None
        return key.unseal(sealed, aad)
    except (binascii.Error, InvalidTag):
        return None

"""The sealed format: AES-256-GCM under a scrypt key; a wrong key, damage and forged headers are told apart."""

from __future__ import annotations

import pickle
import struct

import pytest

from ot62443_desktop.storage import sealed
from ot62443_desktop.storage.sealed import (
    DEFAULT_PARAMS,
    HEADER_BYTES,
    MAGIC,
    KdfParams,
    NewerFormatError,
    SealError,
    WrongKeyError,
    derive,
    key_for,
    read_header,
    seal_document,
    unseal_document,
)

DOCUMENT = '{"meta":{"1":{"info":{"client":"Stadtwerke Süd"}}}}'.encode()


@pytest.fixture(scope="module")
def key() -> sealed.Key:
    return derive("correct horse battery staple")


def test_a_sealed_document_opens_again_and_shows_none_of_its_text(key: sealed.Key) -> None:
    data = seal_document(key, DOCUMENT)
    assert data.startswith(MAGIC) and b"Stadtwerke" not in data and b"client" not in data
    header = read_header(data)
    assert header.params == DEFAULT_PARAMS and header.salt == key.salt
    assert unseal_document(data, key_for(header, "correct horse battery staple")) == DOCUMENT


def test_every_seal_takes_a_fresh_nonce(key: sealed.Key) -> None:
    first, second = seal_document(key, DOCUMENT), seal_document(key, DOCUMENT)
    assert first[:HEADER_BYTES] == second[:HEADER_BYTES] and first[HEADER_BYTES:] != second[HEADER_BYTES:]


def test_the_same_words_in_another_unicode_form_give_the_same_key() -> None:
    composed, decomposed = "Passwort für Süd", "Passwort fu\u0308r Su\u0308d"
    key = derive(composed, KdfParams(10, 8, 1))
    assert key_for(read_header(seal_document(key, DOCUMENT)), decomposed).secret == key.secret


def test_a_wrong_passphrase_is_told_as_such(key: sealed.Key) -> None:
    header = read_header(seal_document(key, DOCUMENT))
    with pytest.raises(WrongKeyError, match="wrong passphrase"):
        key_for(header, "correct horse battery stapler")
    with pytest.raises(WrongKeyError, match="key given"):
        key_for(header, derive("another", KdfParams(10, 8, 1)))


@pytest.mark.parametrize("where", [HEADER_BYTES + 3, HEADER_BYTES + 20, -1])
def test_a_flipped_bit_in_the_contents_is_damage_not_a_wrong_passphrase(key: sealed.Key, where: int) -> None:
    data = bytearray(seal_document(key, DOCUMENT))
    data[where] ^= 0x04
    opened = key_for(read_header(bytes(data)), key)  # the header is intact: the key is right
    with pytest.raises(SealError, match="damaged") as caught:
        unseal_document(bytes(data), opened)
    assert not isinstance(caught.value, WrongKeyError)


def test_a_changed_header_field_does_not_open(key: sealed.Key) -> None:
    data = bytearray(seal_document(key, DOCUMENT))
    data[len(MAGIC) + 5] ^= 0x01  # the first byte of the salt: the header is the associated data
    with pytest.raises(WrongKeyError):
        key_for(read_header(bytes(data)), key)


def _header(version: int = 1, kdf: int = 1, log2_n: int = 15, r: int = 8, p: int = 1) -> bytes:
    return MAGIC + struct.pack(">BBBBB", version, kdf, log2_n, r, p) + bytes(32) + bytes(28)


@pytest.mark.parametrize(("data", "message"), [
    (b'{"meta": {}}', "not an encrypted project"),
    (MAGIC + b"\x01\x01\x0f", "truncated"),
    (_header()[:-1], "truncated"),
    (_header(version=0), "damaged"),
    (_header(kdf=7), "unknown key derivation"),
    (_header(log2_n=0), "out of range"),
    (_header(log2_n=30), "out of range"),
    (_header(log2_n=24, r=8), "too costly"),
    (_header(log2_n=20, r=64, p=1), "too costly"),
    (_header(log2_n=16, r=8, p=16), "too costly"),
    (_header(r=0), "out of range"),
    (_header(p=255), "out of range"),
])
def test_a_hostile_header_is_refused_before_any_key_is_derived(
        monkeypatch: pytest.MonkeyPatch, data: bytes, message: str) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("scrypt was run for a header that should have been refused")

    monkeypatch.setattr("cryptography.hazmat.primitives.kdf.scrypt.Scrypt", never)  # where derive() takes it from
    with pytest.raises(SealError, match=message):
        key_for(read_header(data), "whatever")


def test_a_newer_format_asks_for_a_newer_program() -> None:
    with pytest.raises(NewerFormatError, match="update the program"):
        read_header(_header(version=2))


def test_the_key_pickles_for_the_export_child_and_never_shows_its_secret(key: sealed.Key) -> None:
    again = pickle.loads(pickle.dumps(key))
    assert again.secret == key.secret and again.fits(read_header(seal_document(key, DOCUMENT)))
    assert key.secret.hex() not in repr(key) and repr(key) == f"Key(id={key.id})"


def test_a_journal_record_opens_only_in_its_own_place(key: sealed.Key) -> None:
    anchor = bytes(range(16))
    line = sealed.seal_record(key, b'{"ops":[]}', sealed.journal_aad(anchor, 3))
    assert b"\n" not in line and sealed.unseal_record(key, line, sealed.journal_aad(anchor, 3)) == b'{"ops":[]}'
    assert sealed.unseal_record(key, line, sealed.journal_aad(anchor, 4)) is None  # moved
    assert sealed.unseal_record(key, line, sealed.journal_aad(bytes(16), 3)) is None  # another journal's
    assert sealed.unseal_record(key, b"not base64!", sealed.journal_aad(anchor, 3)) is None
    assert sealed.unseal_record(key, b"AAAA", sealed.journal_aad(anchor, 3)) is None  # too short

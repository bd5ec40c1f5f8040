"""Bytes to text: refuse what is not a transcript, then find the encoding."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from assistant.errors import InputError

# Leading bytes of formats coaches might pick by mistake. ZIP is handled by the caller (DOCX).
_MAGIC = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"\x7fELF": "a program file",
    b"MZ": "a Windows program file",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel (.doc/.xls) file",
    b"RIFF": "an audio or video file",
    b"ID3": "an MP3 audio file",
    b"OggS": "an audio file",
    b"fLaC": "an audio file",
}
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


@dataclass
class Decoded:
    text: str
    encoding: str


def describe_binary(data: bytes) -> str | None:
    """A name for a binary format recognised by its first bytes, or None."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        return "an audio or video file"
    return None


def decode(data: bytes, file_name: str) -> Decoded:
    """Decode transcript bytes (UTF-8 with or without BOM, UTF-16, cp1252) or raise InputError."""
    kind = describe_binary(data)
    if kind:
        raise InputError(f"{file_name} is {kind}, not a transcript; export it as text, VTT, SRT or DOCX")
    decoded = _decode_text(data)
    if decoded is None or _looks_binary(decoded.text):
        raise InputError(f"{file_name} holds binary data, not text; is it the right file?")
    decoded.text = _without_mojibake(decoded.text)
    return decoded


_MOJIBAKE = re.compile(r"â€|[ÂÃÄÅÆÐÑ][\x80-\xbf\u0152-\u2122]")
"""How UTF-8 looks once read as Windows-1252 ("itâ€™s", "DzieÅ„"): a transcript pasted into an
e-mail or an editor that guessed the encoding wrong."""


def _without_mojibake(text: str) -> str:
    """Lines of UTF-8 read as Windows-1252 read again as UTF-8 ("itâ€™s" is "it’s"). Only a line that
    goes back whole: a line written right ("Kraków") is no UTF-8 once encoded, and stays as it is."""
    if not _MOJIBAKE.search(text):
        return text
    return "".join(_repaired(line) if _MOJIBAKE.search(line) else line for line in text.splitlines(keepends=True))


def _repaired(line: str) -> str:
    try:
        return line.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return line


def _decode_text(data: bytes) -> Decoded | None:
    if data.startswith(codecs.BOM_UTF8):
        return _try(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _try(data, "utf-16", "utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _try(data, utf16, "utf-16")
    return _try(data, "utf-8", "utf-8") or _try(data, "cp1252", "cp1252")


def _utf16_without_bom(data: bytes) -> str | None:
    """Some Teams exports are UTF-16 with no BOM: every other byte of ASCII text is zero."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.4 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.4 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _try(data: bytes, codec: str, name: str) -> Decoded | None:
    try:
        return Decoded(data.decode(codec), name)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    """Text with NULs or many control characters is binary that happened to decode."""
    if "\x00" in text:
        return True
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    return controls > max(2, len(sample) // 100)

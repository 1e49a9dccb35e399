"""Decode and re-encode source bytes exactly (pure functions)."""

from __future__ import annotations

import codecs
import io
import tokenize
from dataclasses import dataclass


class DecodeError(Exception):
    """The bytes cannot be turned into text we could write back identically."""


@dataclass(frozen=True)
class Decoded:
    text: str
    #: Codec name as Python spells it; "utf-8-sig" means the file starts with a BOM.
    encoding: str


def decode_source(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode source bytes, keeping every newline: as Python would (PEP 263 cookie, BOM),
    or in `encoding` when the file's format fixes one (its container says which; a UTF-8
    byte-order mark is then tolerated and kept).
    """
    if b"\0" in data:
        raise DecodeError("file contains NUL bytes")
    if encoding is not None:
        if codecs.lookup(encoding).name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
    else:
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as exc:  # bad UTF-8 without a cookie, unknown codec, BOM + other cookie
            reason = exc.msg
            if "invalid or missing encoding declaration" in reason:
                reason = "not valid UTF-8 and no encoding declaration (PEP 263)"
            raise DecodeError(f"cannot decode: {reason}") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"cannot decode as {encoding}: invalid byte at offset {exc.start}"
        ) from None
    except (LookupError, UnicodeError, ValueError) as exc:
        # Python's tokenizer refuses these too: a codec that is not a text encoding
        # (rot13, base64, zlib, ...), or one that fails on any input (undefined, punycode).
        reason = str(exc).partition(";")[0]
        raise DecodeError(f"cannot decode: encoding problem: {encoding}: {reason}") from None
    # Some codecs are not bijective; writing such a file back could change bytes we never touched.
    if text.encode(encoding) != data:
        raise DecodeError(f"{encoding} does not round-trip this file's bytes")
    return Decoded(text=text, encoding=encoding)


def encode_source(text: str, encoding: str) -> bytes:
    """Encode text the way it was read (`utf-8-sig` writes the BOM back)."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise DecodeError(
            f"the migrated text cannot be encoded as {encoding}: {exc.reason}"
        ) from None

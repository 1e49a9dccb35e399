"""The one place that reads and writes source files.

Bytes are decoded by hand (never universal-newline text mode) so CRLF, lone CR,
a UTF-8 BOM and a PEP 263 encoding survive a round trip byte for byte.
"""

from migrate_scopes.files.codec import DecodeError, decode_source, encode_source
from migrate_scopes.files.io import (
    AtomicOutput,
    FileChangedError,
    NotRegularFileError,
    SourceFile,
    WriteRefused,
    atomic_write,
    read_source,
    remove_stale_temporaries,
)

__all__ = [
    "AtomicOutput",
    "DecodeError",
    "FileChangedError",
    "NotRegularFileError",
    "SourceFile",
    "WriteRefused",
    "atomic_write",
    "decode_source",
    "encode_source",
    "read_source",
    "remove_stale_temporaries",
]

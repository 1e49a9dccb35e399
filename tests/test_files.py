"""Reading and writing files: exact bytes in, exact bytes out, atomic replace."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migrate_scopes.files import (
    DecodeError,
    FileChangedError,
    atomic_write,
    decode_source,
    encode_source,
    read_source,
)
from migrate_scopes.migrate.containers import container_for


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"x = 1\r\ny = 2\r\n", "utf-8"),
        (b"\xef\xbb\xbfx = '\xc3\xa9'\n", "utf-8-sig"),
        (b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "iso-8859-1"),
        (b"x = 1\ry = 2\x0c\n\tz = '\xe2\x80\xa8'", "utf-8"),
    ],
    ids=["crlf", "bom", "latin-1-cookie", "cr-formfeed-ls-no-final-newline"],
)
def test_decode_encode_round_trip(data: bytes, encoding: str) -> None:
    decoded = decode_source(data)
    assert decoded.encoding == encoding
    assert encode_source(decoded.text, decoded.encoding) == data


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\0")))
@settings(max_examples=200)
def test_any_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8")
    try:
        decoded = decode_source(data)
    except DecodeError:
        return  # a first line that looks like a bad coding cookie is refused, never mangled
    assert encode_source(decoded.text, decoded.encoding) == data


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"x = '\xff\xfe'\n", "cannot decode"),
        (b"x = 1\0\n", "NUL"),
        (b"# coding: no-such-codec\nx = 1\n", "cannot decode: unknown encoding"),
        (b"x = 1\ny = 2\nz = '\xff'\n", "cannot decode as utf-8"),
    ],
)
def test_undecodable_sources_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_source(data)


def test_notebooks_are_utf8_json(tmp_path: Path) -> None:
    assert decode_source(b"\xef\xbb\xbf{}", encoding=container_for("a.ipynb").ENCODING).encoding == "utf-8-sig"
    with pytest.raises(DecodeError):
        decode_source(b'{"a": "\xe9"}', encoding=container_for("a.ipynb").ENCODING)
    # a .py file's cookie decides, as Python reads it
    assert decode_source(b"# coding: latin-1\nx = '\xe9'\n", encoding=container_for("a.py").ENCODING).encoding == "iso-8859-1"


def test_atomic_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(b"old\n")
    path.chmod(0o751)
    source = read_source(str(path))
    atomic_write(source, b"new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o751
    assert os.listdir(tmp_path) == ["m.py"]


def test_atomic_write_refuses_a_file_changed_since_reading(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(b"old\n")
    source = read_source(str(path))
    path.write_bytes(b"edited by someone else\n")
    with pytest.raises(FileChangedError):
        atomic_write(source, b"new\n")
    assert path.read_bytes() == b"edited by someone else\n"
    assert os.listdir(tmp_path) == ["m.py"]


def test_atomic_write_refuses_a_vanished_file(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(b"old\n")
    source = read_source(str(path))
    path.unlink()
    with pytest.raises(FileChangedError):
        atomic_write(source, b"new\n")
    assert os.listdir(tmp_path) == []


def test_atomic_write_does_not_write_through_a_symlink_swapped_in(tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_bytes(b"old\n")
    path = tmp_path / "m.py"
    path.write_bytes(b"old\n")
    source = read_source(str(path))
    path.unlink()
    path.symlink_to(outside)  # same bytes behind a link
    with pytest.raises(FileChangedError):
        atomic_write(source, b"new\n")
    assert outside.read_bytes() == b"old\n"


def test_atomic_write_accepts_a_concurrent_identical_result(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(b"old\n")
    first = read_source(str(path))
    second = read_source(str(path))
    atomic_write(first, b"new\n")
    atomic_write(second, b"new\n")  # another run got there first with the same result
    assert path.read_bytes() == b"new\n"
    assert os.listdir(tmp_path) == ["m.py"]


def test_read_source_refuses_directories(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        read_source(str(tmp_path))

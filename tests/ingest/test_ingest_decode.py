"""Decoding and refusing bad bytes: encodings, BOMs, NULs, binary files, empty and blank input."""

from __future__ import annotations

import codecs

import pytest
from ingest_helpers import STORY, docs, failures, run, write

from tidings.errors import InputError
from tidings.ingest.decode import binary_kind, decode_bytes, normalise_text

WESTERN = "The minister’s statement – issued on Sunday – said the café talks were “constructive”.\n"
FRENCH = "Le ministre a déclaré à Genève que la réunion était très importante pour l'été.\n"
RUSSIAN = "Президент Таджикистана провёл телефонный разговор с премьер-министром Пакистана.\n"


@pytest.mark.parametrize(
    "data, expected",
    [
        (WESTERN.encode("cp1252"), WESTERN),
        (FRENCH.encode("latin-1"), FRENCH),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (codecs.BOM_UTF8 + STORY.encode(), STORY),
        (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), STORY),
        (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), STORY),
        (codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"), STORY),
        (STORY.encode("utf-16-le"), STORY),  # UTF-16 without a BOM
        (WESTERN.encode("utf-8"), WESTERN),
    ],
    ids=[
        "cp1252",
        "latin-1",
        "cp1251",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-32-bom",
        "utf-16-no-bom",
        "utf-8",
    ],
)
def test_decode_finds_the_encoding(data, expected):
    assert decode_bytes(data) == expected


def test_html_meta_charset_is_used_when_not_utf8():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Душанбе</p></body></html>'
    assert "Душанбе" in decode_bytes(page.encode("cp1251"), html=True)


def test_utf8_wins_over_a_wrong_meta_charset():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café – déjà vu</p></body></html>'
    assert "Café – déjà vu" in decode_bytes(page.encode("utf-8"), html=True)


def test_newlines_are_normalised():
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"
    assert normalise_text("\ufeffa\u2028b\x00c") == "a\nbc"


def test_a_few_nuls_are_stripped(tmp_path):
    data = STORY.encode().replace(b"Tashkent", b"Tash\x00kent") + b"\x00"
    [doc] = run([write(tmp_path / "nul.txt", data)])
    assert "Tashkent" in doc.content and "\x00" not in doc.content


def test_mostly_nuls_is_binary(tmp_path):
    data = b"\x00" * 3000 + b"some text" + b"\x00\x01\x02" * 500
    [failure] = run([write(tmp_path / "nuls.txt", data)])
    assert failure.error == "the file is a binary file (binary data), not an article"


@pytest.mark.parametrize(
    "magic, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive or Office document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    ],
)
def test_binary_files_are_refused_by_magic_number(tmp_path, magic, kind):
    [failure] = run([write(tmp_path / "story.txt", magic + b"rest of the file" * 20)])
    assert failure.error == f"the file is a binary file ({kind}), not an article"


def test_random_bytes_are_binary():
    import random

    noise = random.Random(7).randbytes(20000)
    assert binary_kind(noise) == "binary data"
    with pytest.raises(InputError, match="binary"):
        decode_bytes(noise)


def test_empty_and_whitespace_only(tmp_path):
    empty = write(tmp_path / "a.txt", b"")
    blank = write(tmp_path / "b.txt", b"  \r\n\t\n   \n")
    blank16 = write(tmp_path / "c.txt", codecs.BOM_UTF16_LE + "  \n \n".encode("utf-16-le"))
    good = write(tmp_path / "d.txt", STORY)
    items = run([empty, blank, blank16, good])
    assert [f.error for f in failures(items)] == [
        "the file is empty",
        "the file contains only whitespace",
        "the file contains only whitespace",
    ]
    assert len(docs(items)) == 1


def test_cp1252_and_utf16_files_through_iter_inputs(tmp_path):
    cp = write(tmp_path / "cp.txt", WESTERN.encode("cp1252"))
    u16 = write(
        tmp_path / "u16.txt", codecs.BOM_UTF16_LE + "Line one\r\nLine two\r\n".encode("utf-16-le")
    )
    items = run([cp, u16])
    assert [d.content for d in items] == [WESTERN, "Line one\nLine two\n"]


def test_undecodable_text_is_refused():
    with pytest.raises(InputError, match="not text in any encoding tidings can detect"):
        decode_bytes(bytes(range(128, 256)) * 4)


def test_utf8_with_one_stray_byte_stays_utf8():
    text = "Déjà vu in Zürich: “talks” resumed – officials said. " * 3
    data = text.encode("utf-8") + b" end\x96"
    decoded = decode_bytes(data)
    assert decoded.startswith(text) and decoded.endswith(" end\ufffd")

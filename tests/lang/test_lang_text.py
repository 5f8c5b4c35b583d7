"""Text of the region's scripts through cleaning and the search query: ZWNJ and vowel marks."""
import sqlite3

from tidings.extract.textclean import normalise_text
from tidings.store.db import fts_query


def test_a_zwnj_inside_a_persian_word_is_kept():
    assert normalise_text("رئیس\u200cجمهور گفت") == "رئیس\u200cجمهور گفت"


def test_a_stray_zwnj_in_latin_text_is_dropped():
    assert normalise_text("Kabul\u200c and Herat \u200cnow") == "Kabul and Herat now"


def test_a_vowelled_query_finds_the_unvowelled_word():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO f VALUES (?)", [("محمد نبی وزیر شد",), ("وزارت امور خارجه",)])
    assert conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (fts_query("مُحَمَّد"),)).fetchall() == [(1,)]


def test_cyrillic_folds_case_in_the_index():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO f VALUES ('Министр обороны прибыл в Хорог')")
    for q in ("МИНИСТР", "министр", "хорог"):
        assert conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (fts_query(q),)).fetchall() == [(1,)]

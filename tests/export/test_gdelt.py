"""The GDELT-style event table: column order, how each event fills the columns, the TSV format."""
from __future__ import annotations

import csv
from typing import ClassVar

import pytest

from tidings.export.gdelt import COLUMNS, GDELT_COLUMNS, _row, global_event_id


class _FakeArticles:
    """Article facts as _Articles returns them: (source url, outlet or copy marker, DATEADDED)."""

    FACTS: ClassVar[dict] = {"a1": ("https://ledger.example/2021/10/03/call", "Frontier Ledger", "20211003101500"),
             "a2": ("https://post.example/khan-rahmon-call", "Indus Evening Post", "20211004080000"),
             "a3": ("/data/copy-of-a2.txt", "copy:a2", "20211004090000")}

    def get(self, article_id):
        return self.FACTS[article_id]


def _mention(article_id: str, sentence_index: int, **extra) -> dict:
    base = {"id": f"ev:{article_id}", "article_id": article_id, "sentence_index": sentence_index,
            "event_type": "CONSULT", "mode": "phone", "modality": "asserted", "cameo_root": "04", "quad_class": 1,
            "intensity": 2.5, "date": "2021-10-02", "date_start": "2021-10-02", "date_end": "2021-10-02",
            "date_precision": "day", "confidence": 0.9,
            "actors": [{"entity_id": "per:imran-khan", "name": "Imran Khan", "country": "PAK", "sector": "GOV"}],
            "recipients": [{"entity_id": "per:emomali-rahmon", "name": "Emomali Rahmon", "country": "TJK",
                            "sector": "GOV"}],
            "location": {"name": "Dushanbe", "lat": 38.54, "lon": 68.78, "country": "TJK", "admin1": "Dushanbe"}}
    return {**base, **extra}


def test_gdelt_has_its_61_columns_in_order_and_our_id_after_them():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL") and COLUMNS[-1] == "TidingsID"


def test_a_merged_phone_call_fills_dates_actors_codes_counts_and_place():
    members = [_mention("a1", 0), _mention("a2", 5, date="2021-10-03", date_start="2021-10-03"),
               _mention("a3", 5)]
    row = _row("me:call", members[0], members, _FakeArticles())
    assert list(row) == list(COLUMNS)
    assert row["GLOBALEVENTID"] == global_event_id("me:call") < 2 ** 48
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == (20211002, 202110, 2021)
    assert 2021.74 < row["FractionDate"] < 2021.76
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == \
        ("PAKGOV", "IMRAN KHAN", "PAK", "GOV")
    assert (row["Actor2Code"], row["Actor2CountryCode"]) == ("TJKGOV", "TJK")
    assert (row["EventCode"], row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]) == ("04", "04", 1, 2.5)
    assert (row["NumMentions"], row["NumArticles"], row["NumSources"]) == (3, 3, 2)  # the copy adds no source
    assert row["IsRootEvent"] == 1 and row["AvgTone"] is None
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_Lat"]) == (4, "TJK", 38.54)
    assert row["ActionGeo_FullName"] == "Dushanbe, TJK"
    assert row["DATEADDED"] == 20211004090000 and row["SOURCEURL"].startswith("https://ledger.example")
    assert row["Actor1Geo_Type"] is None and row["ActionGeo_ADM1Code"] is None


def test_an_igo_is_a_known_group_and_an_undated_event_has_no_dates():
    ev = _mention("a1", 7, date=None, date_start=None, date_end=None, date_precision="unknown", location=None,
                  recipients=[{"entity_id": "igo:csto", "name": "Collective Security Treaty Organization",
                               "country": "CSTO", "sector": "IGO"}])
    row = _row("ev:x", ev, [ev], _FakeArticles())
    assert row["SQLDATE"] is None and row["Year"] is None and row["IsRootEvent"] == 0
    assert (row["Actor2Code"], row["Actor2KnownGroupCode"], row["Actor2CountryCode"]) == ("IGO", "CSTO", None)
    assert row["ActionGeo_Type"] is None


@pytest.mark.slow
def test_export_format_gdelt_writes_a_tsv_per_record_source(tmp_path):
    import tidings
    from tidings.export import export

    text = ("Prime Minister Imran Khan spoke by telephone with President Emomali Rahmon of Tajikistan on "
            "Saturday, and the two leaders agreed to hold talks in Dushanbe next month on trade, "
            "electricity and the security of the long border with Afghanistan, officials in Islamabad said.")
    with tidings.open(tmp_path / "t.db") as c:
        report = c.ingest_records({"text": text, "title": "Khan and Rahmon speak", "outlet": "Test Wire",
                                   "url": "https://wire.example/khan-rahmon", "published": "2021-10-03"})
        assert report.new == 1
        counts = export(c, tmp_path / "out", "gdelt")
    assert counts["gdelt_events.tsv"] >= 1 and counts["articles.tsv"] == 1
    with (tmp_path / "out" / "gdelt_events.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == list(COLUMNS) and all(len(r) == len(COLUMNS) for r in rows)
    record = dict(zip(rows[0], rows[1]))
    assert record["SOURCEURL"] == "https://wire.example/khan-rahmon" and record["SQLDATE"].startswith("2021")
    assert record["Actor1CountryCode"] in ("PAK", "TJK")

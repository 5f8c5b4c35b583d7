"""On the real seed articles: the events issue 4 names, with type, mode, modality, date and place."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.config import Settings
from tidings.pipeline import ingest
from tidings.store import Store
from tidings.store.events import EventFilter, event_records, place_records

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"
EVENT_KEYS = ["id", "article_id", "sentence_index", "sentence", "trigger", "event_type", "mode", "modality",
              "cameo_root", "quad_class", "intensity", "actors", "recipients", "date", "date_start", "date_end",
              "date_precision", "date_text", "location", "confidence", "merged_event_id"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    path = tmp_path_factory.mktemp("seeds") / "t.db"
    with Store.open(path) as s:
        ingest([str(SEEDS)], s, Settings(db=path))
    return path


@pytest.fixture(scope="module")
def events(db):
    with Store.open(db) as s:
        return list(event_records(s.connection))


def pick(events, event_type, actor=None, recipient=None, modality="asserted", mode=None):
    out = []
    for e in events:
        if e["event_type"] != event_type or (modality and e["modality"] != modality):
            continue
        if actor and not any(actor in (p["name"], p["country"]) for p in e["actors"]):
            continue
        if recipient and not any(recipient in (p["name"], p["country"]) for p in e["recipients"]):
            continue
        if mode and e["mode"] != mode:
            continue
        out.append(e)
    return out


def test_khan_rahmon_phone_call(events):
    calls = pick(events, "CONSULT", "Imran Khan", "Emomali Rahmon", mode="phone")
    assert len({e["article_id"] for e in calls}) == 2   # both outlets' reports
    # "on Sunday" in one report; the other's lead says "on Saturday" and quotes a statement that
    # says "today": the quoted day is the lead's Saturday, not the publication day.
    assert {e["date"] for e in calls} == {"2021-10-02", "2021-10-03"}


def test_rahmon_orders_troops_to_the_border(events):
    mob = pick(events, "MOBILIZE", "Emomali Rahmon")
    assert mob and all(e["date"] == "2021-07-06" for e in mob)


def test_afghan_troops_retreat_the_day_before(events):
    ret = pick(events, "RETREAT", "AFG")
    assert ret and ret[0]["date"] == "2021-07-05"


def test_putin_offers_support_to_tajikistan(events):
    aid = [e for e in events if e["event_type"] in ("AID", "SUPPORT") and e["modality"] == "future"
           and any(p["country"] == "RUS" for p in e["actors"]) and any(p["country"] == "TJK" for p in e["recipients"])]
    assert aid
    assert pick(events, "AGREE", "RUS", "TJK")


def test_isi_chief_visits_tajikistan_and_meets_rahmon(events):
    assert pick(events, "CONSULT", "Asim Malik", "TJK", mode="visit")
    assert pick(events, "CONSULT", "Asim Malik", "Emomali Rahmon", mode="meet")


def test_rahmon_refuses_to_recognise_the_taliban_cabinet(events):
    assert pick(events, "REJECT", "Emomali Rahmon")
    recognise = [e for e in events if e["event_type"] == "SUPPORT" and "recognise" in e["trigger"]]
    assert recognise and all(e["modality"] != "asserted" for e in recognise)


def test_air_strikes_and_retaliation(events):
    strikes = pick(events, "ASSAULT", "PAK", "Tehreek-e-Taliban Pakistan", mode="aerial")
    assert strikes and strikes[0]["location"]["country"] == "AFG"
    assert pick(events, "ASSAULT", "Tehreek-e-Taliban Pakistan", "PAK")


def test_kurram_border_clash(events):
    clash = [e for e in pick(events, "ASSAULT", "AFG", "PAK") if e["location"]]
    assert any(e["location"]["name"] == "Kurram" and e["location"]["country"] == "PAK" for e in clash)


def test_khar_talks_with_kabulov(events):
    assert pick(events, "CONSULT", "Hina Rabbani Khar", "Zamir Kabulov")


def test_ttp_attacks_on_pakistani_forces(events):
    assert pick(events, "ASSAULT", "Tehreek-e-Taliban Pakistan", "PAK")


def test_unconfirmed_and_hypothetical_statements_are_not_asserted(events):
    nrf = [e for e in events if e["event_type"] == "CONSULT" and "no confirmation" in e["sentence"]
           and any(p["name"] == "Asim Malik" for p in e["actors"]) and "NRF" in e["sentence"][e["sentence"].find("met"):]]
    assert all(e["modality"] == "uncertain" for e in nrf)
    assert not [e for e in events if "sooner or later" in e["sentence"] and e["event_type"] == "SUPPORT"
                and e["modality"] == "asserted"]


def test_event_records_follow_the_export_contract(events):
    assert events and all(list(e) == EVENT_KEYS for e in events)
    for e in events:
        for p in e["actors"] + e["recipients"]:
            assert list(p) == ["entity_id", "name", "country", "sector"]
        assert e["location"] is None or list(e["location"]) == ["name", "lat", "lon", "country", "admin1"]


def test_places_carry_articles_and_aliases(db):
    with Store.open(db) as s:
        places = {p["name"]: p for p in place_records(s.connection)}
    assert places["Dushanbe"]["country"] == "TJK" and places["Dushanbe"]["article_ids"]
    assert list(places["Dushanbe"]) == ["name", "aliases", "lat", "lon", "country", "admin1", "geonameid", "article_ids"]


def test_filters(db):
    with Store.open(db) as s:
        conn = s.connection
        assert all(e["event_type"] == "ASSAULT" for e in event_records(conn, EventFilter(event_type="assault")))
        july = list(event_records(conn, EventFilter(date_from="2021-07-01", date_to="2021-07-31")))
        assert july and all(e["date_start"] <= "2021-07-31" for e in july)
        pak = list(event_records(conn, EventFilter(actor="PAK", quad=4)))
        assert pak and all(e["quad_class"] == 4 for e in pak)


def test_cli_events_json(db):
    from tidings.cli import app

    result = CliRunner().invoke(app, ["events", "--db", str(db), "--type", "CONSULT", "--actor", "Imran Khan",
                                      "--modality", "asserted", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert rows and all(r["event_type"] == "CONSULT" for r in rows)
    table = CliRunner().invoke(app, ["events", "--db", str(db), "--place", "PAK"])
    assert table.exit_code == 0


def test_export_writes_events_and_places(db, tmp_path):
    from tidings.cli import app

    result = CliRunner().invoke(app, ["export", "--db", str(db), "--out", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "events.jsonl").read_text().splitlines()
    assert lines and list(json.loads(lines[0])) == EVENT_KEYS
    assert (tmp_path / "places.jsonl").read_text().strip()


def test_every_article_is_coded_on_its_current_body(db):
    from tidings.events.stage import CODER_VERSION
    from tidings.store.events import stale_event_articles

    with Store.open(db) as s:
        conn = s.connection
        assert stale_event_articles(conn, CODER_VERSION) == []
        # a body changed after coding (as the boilerplate sweep does) makes the article stale
        aid = conn.execute("SELECT article_id FROM events_coded LIMIT 1").fetchone()[0]
        conn.execute("UPDATE events_coded SET body_chars = body_chars + 1 WHERE article_id = ?", (aid,))
        assert stale_event_articles(conn, CODER_VERSION) == [aid]
        from tidings.pipeline import IngestReport, run_corpus_stages

        report = IngestReport()
        run_corpus_stages(s, Settings(db=db), report)
        assert report.recoded == 1
        assert stale_event_articles(conn, CODER_VERSION) == []


def test_a_quoted_today_takes_the_day_the_lead_names():
    from tidings.time import find_timexes
    from tidings.time.stage import _quoted_today

    body = ("ISLAMABAD: The minister on Saturday stepped in to calm the row.\n\n"
            "\u201cThe minister spoke to his counterpart today,\u201d the ministry said. It said so today.")
    timexes = find_timexes(body, "2021-10-03", None)
    todays = [t for t in timexes if t.text == "today"]
    second = body.index("\u201c")
    assert _quoted_today(body, second, todays[0]) is True
    assert _quoted_today(body, body.index("It said"), todays[1]) is False

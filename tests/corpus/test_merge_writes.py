"""A merge pass writes each changed merged event once unless what later mentions look it up by moves."""
from __future__ import annotations

import json

from stories_helpers import PUTIN, RAHMON, mention

from tidings.config import Settings
from tidings.corpus.merge import MergedState, _Written, build_record, lookup_key
from tidings.store import Store


def _state(*mentions) -> MergedState:
    return MergedState("me:" + mentions[0].event_id.removeprefix("ev:"), list(mentions))


def test_the_lookup_key_is_the_records_dates_and_cluster():
    a = mention("a1", actors=(RAHMON,), recipients=(PUTIN,), date="2022-06-28", cluster="cl-1")
    b = mention("b1", actors=(PUTIN,), recipients=(RAHMON,), date="2022-06-29", precision="day: article date",
                cluster="cl-2")
    c = mention("c1", actors=(RAHMON,), recipients=(PUTIN,), date="2022-06-28", cluster="cl-2")
    for state in (_state(a), _state(a, b), _state(a, b, c), _state(b)):
        rec = build_record(state, Settings())
        assert lookup_key(state) == (rec.date_start, rec.date_end, rec.cluster_id)


def _row(store: Store, merged_id: str) -> tuple:
    return store.connection.execute("SELECT date_start, cluster_id, n_members, article_ids FROM merged_events"
                                    " WHERE id = ?", (merged_id,)).fetchone()


def test_a_merged_event_joined_again_on_its_day_is_written_at_the_end_of_the_pass(tmp_path):
    settings = Settings()
    first = mention("a1", actors=(RAHMON,), recipients=(PUTIN,), date="2022-06-28", cluster="cl-1")
    state = _state(first)
    written = _Written()
    with Store.open(tmp_path / "w.db") as store, store.transaction() as tx:
        written.refresh(tx, state, settings)  # new: written at once, so later mentions find it
        assert _row(store, state.id)[2] == 1
        state.members.append(mention("b1", actors=(PUTIN,), recipients=(RAHMON,), date="2022-06-28", cluster="cl-1"))
        written.refresh(tx, state, settings)  # same day, same cluster: the row waits
        assert _row(store, state.id)[2] == 1
        assert written.flush(tx, {state.id: state}, settings) == 1
        start, cluster, n, articles = _row(store, state.id)
        assert (start, cluster, n, json.loads(articles)) == ("2022-06-28", "cl-1", 2, ["a1", "b1"])


def test_a_merged_event_whose_cluster_changes_is_written_at_once(tmp_path):
    settings = Settings()
    state = _state(mention("a1", actors=(RAHMON,), recipients=(PUTIN,), date="2022-06-28", cluster="cl-1"))
    written = _Written()
    with Store.open(tmp_path / "w.db") as store, store.transaction() as tx:
        written.refresh(tx, state, settings)
        for article in ("b1", "c1"):  # two more from another cluster: the record's cluster moves
            state.members.append(mention(article, actors=(PUTIN,), recipients=(RAHMON,), date="2022-06-28",
                                         cluster="cl-7"))
            written.refresh(tx, state, settings)
        assert _row(store, state.id)[1:3] == ("cl-7", 3)
        assert written.flush(tx, {state.id: state}, settings) == 1

"""The local engine: input order kept, and workers 0 (every core) used only when there is more than one item."""
import os

from tidings.config import Settings
from tidings.engines.local import ordered_map, processes


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_workers_zero_asks_for_every_core():
    assert Settings(workers=0).workers == 0
    assert processes(0) == (os.cpu_count() or 1)
    assert processes(3) == 3


def test_one_item_runs_in_this_process_with_workers_zero():
    [(item, (pid, square))] = list(ordered_map(_pid_and_square, [7], workers=0))
    assert (item, square, pid) == (7, 49, os.getpid())


def test_several_items_keep_their_order_in_a_pool():
    done = list(ordered_map(_pid_and_square, range(20), workers=0))
    assert [item for item, _ in done] == list(range(20))
    assert [square for _, (_, square) in done] == [n * n for n in range(20)]
    if (os.cpu_count() or 1) > 1:
        assert all(pid != os.getpid() for _, (pid, _) in done)


def test_an_explicit_count_is_taken_as_it_is():
    done = list(ordered_map(_pid_and_square, [1, 2], workers=1))
    assert {pid for _, (pid, _) in done} == {os.getpid()}
    done = list(ordered_map(_pid_and_square, [3], workers=2))
    assert done[0][1][0] != os.getpid()

"""Grouped K-fold splits for `tidings eval --folds`: groups never straddle folds, and the split is reproducible."""
import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.eval.common import EvalReport, grouped_folds


def test_a_group_never_straddles_two_folds():
    groups = ["t1", "t1", "t2", "t3", "t3", "t3", "t4", "t5", "t5", "t6"]
    splits = grouped_folds(groups, 3)
    assert len(splits) == 3
    seen = []
    for train, test in splits:
        assert sorted(train + test) == list(range(len(groups)))
        assert not {groups[i] for i in train} & {groups[i] for i in test}
        seen += test
    assert sorted(seen) == list(range(len(groups)))  # every item is tested exactly once


def test_the_split_is_the_same_every_run_and_more_folds_than_groups_is_leave_one_out():
    groups = [f"g{i % 7}" for i in range(30)]
    assert grouped_folds(groups, 4) == grouped_folds(groups, 4)
    assert len(grouped_folds(groups, 50)) == 7
    with pytest.raises(ValueError):
        grouped_folds(groups, 1)


def test_a_cross_validated_report_leads_with_the_cv_line():
    r = EvalReport("clusters", 10, {"b3_f1": 0.9, "baseline_avglink_b3_f1": 0.8},
                   cv={"b3_f1": 0.85, "baseline_avglink_b3_f1": 0.82}, folds=5)
    lines = r.lines()
    assert lines[1].split()[:3] == ["tidings,", "5-fold", "CV"] and "b3_f1=0.8500" in lines[1]
    assert "avglink baseline, 5-fold CV" in lines[2] and "fitted" in lines[3]


def test_folds_below_two_are_refused_with_a_message(tmp_path):
    result = CliRunner().invoke(app, ["eval", "timex", str(tmp_path), "--folds", "1", "--out", str(tmp_path / "p")])
    assert result.exit_code == 3 and "--folds must be at least 2" in result.output

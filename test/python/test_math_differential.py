"""ECHO's math grader against Math-Verify (pinned in requirements-test.txt) over the generated corpus.

Every disagreement must be decided in test/fixtures/math/math-verify-disagreements.json (who is right, and why),
and ECHO's verdict must be the decided truth. A new disagreement, or ECHO drifting from a decided truth, fails.
"""

import json
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import math_differential  # noqa: E402


@pytest.fixture(scope="module")
def result():
    return math_differential.compare()


@pytest.fixture(scope="module")
def decisions():
    return math_differential.load_decisions()


def test_corpus_is_large_and_mixed(result):
    assert result["pairs"] >= 300
    built = {row["built_equal"] for row in result["rows"]}
    assert built == {True, False}


def test_every_disagreement_is_decided(result, decisions):
    undecided = [
        {k: d[k] for k in ("gold", "answer", "echo", "math_verify")}
        for d in result["disagreements"]
        if (d["gold"], d["answer"]) not in decisions
    ]
    assert undecided == [], "decide these in test/fixtures/math/math-verify-disagreements.json:\n" + "\n".join(
        json.dumps(u, ensure_ascii=False) for u in undecided
    )


def test_echo_gives_the_decided_truth(result, decisions):
    rows = {(r["gold"], r["answer"]): r for r in result["rows"]}
    wrong = []
    for key, decided in decisions.items():
        assert key in rows, f"decision for a pair the corpus no longer has: {key}"
        assert decided["right"] in ("echo", "math-verify") and decided["reason"].strip()
        if rows[key]["echo"] != decided["truth"]:
            wrong.append(key)
    assert wrong == []


def test_agreement_is_reported(result, decisions, capsys):
    right = sum(1 for d in result["disagreements"] if decisions[(d["gold"], d["answer"])]["truth"] == d["echo"])
    with capsys.disabled():
        print(
            f"\nmath vs Math-Verify: {result['pairs']} pairs, {result['agreements']} agree, "
            f"{len(result['disagreements'])} disagree (ECHO right on {right})"
        )
    assert result["agreements"] / result["pairs"] >= 0.95

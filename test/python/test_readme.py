"""The README's "Python quick start for trainers" runs as written against a live server (only the address
changes), and says what the tests check."""

from __future__ import annotations

import contextlib
import io
import re

from conftest import ROOT

README = (ROOT / "README.md").read_text()


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end >= 0 else None]


def test_the_python_quick_start_runs_as_written(echo_url: str, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", section("Python quick start for trainers"), re.S)
    assert len(blocks) == 2
    monkeypatch.delenv("ECHO_URL", raising=False)
    out = io.StringIO()
    for block in blocks:
        with contextlib.redirect_stdout(out):
            exec(compile(block.replace("http://localhost:8000", echo_url), "README.md", "exec"), {})
    printed = out.getvalue()
    assert "Chloe has 9 apples" in printed
    assert " True " in printed  # reward, is_correct, feedback of the graded step
    assert re.search(r"^\[-?\d+\.\d+\]$", printed, re.M)  # the reward function's one float
    assert "`answer` tool" in printed


def test_the_sizing_advice_names_the_settings_and_the_error_text():
    text = section("Python quick start for trainers")
    for needle in ("MAX_CONCURRENT_ENVS", "SESSION_TIMEOUT_S", "4408", "call reset first", "CAPACITY_REACHED"):
        assert needle in text

#!/usr/bin/env python3
"""Differential test of ECHO's `math` grader against Hugging Face's Math-Verify.

Builds a corpus of (gold, answer) pairs from MATH-style golds: equivalent rewrites (wrappers, other notations)
and near misses (sign flips, swapped brackets, other radicands, truncated decimals, swapped order). Grades
each pair with Math-Verify (`verify(parse(gold), parse(answer))`) and with ECHO (scripts/math-verdicts.mjs over
dist/), and reports agreement. Disagreements are decided by a person in
test/fixtures/math/math-verify-disagreements.json; this script lists the ones not decided yet.

Run: .venv/bin/python scripts/math_differential.py  (after `npm run build` and `bash scripts/python-env.sh`).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "test" / "fixtures" / "math" / "math-verify-disagreements.json"

# MATH-style golds (most from MATH-500's answer column), each with hand-written equivalents and near misses.
GOLDS: list[dict] = [
    {"gold": r"\frac{14}{3}", "equal": ["14/3", r"4\frac{2}{3}", r"\dfrac{14}{3}"], "wrong": ["4.67", "-14/3", r"\frac{3}{14}"]},
    {"gold": r"\frac{7}{8}", "equal": ["0.875", "7/8", r"\frac{14}{16}"], "wrong": ["0.87", r"\frac{8}{7}"]},
    {"gold": r"\frac{1}{3}", "equal": [r"\frac{2}{6}", r"0.\overline{3}"], "wrong": ["0.33", "0.333", "3"]},
    {"gold": r"\frac{243}{625}", "equal": ["0.3888"], "wrong": ["0.389", r"\frac{243}{626}"]},
    {"gold": "0.5", "equal": [".5", r"\frac12", "1/2"], "wrong": ["5", "0.05"]},
    {"gold": "-\\frac{1}{2}", "equal": ["-0.5", r"\frac{-1}{2}", "-1/2"], "wrong": ["0.5", r"\frac{1}{2}"]},
    {"gold": r"2\frac{1}{4}", "equal": ["9/4", "2.25"], "wrong": ["2.5", r"\frac{1}{2}"]},
    {"gold": "42", "equal": ["42.0", r"\boxed{42}", "The answer is 42."], "wrong": ["-42", "24", "4.2"]},
    {"gold": "10080", "equal": ["10,080", r"10{,}080"], "wrong": ["1008", "10081"]},
    {"gold": "0", "equal": ["0.0", "-0"], "wrong": ["1", r"\emptyset"]},
    {"gold": "-3", "equal": ["−3", "-3.0"], "wrong": ["3"]},
    {"gold": r"3\sqrt{13}", "equal": [r"\sqrt{117}", r"3 \sqrt{13}", "3*sqrt(13)"], "wrong": [r"3\sqrt{12}", r"\sqrt{39}", r"13\sqrt{3}"]},
    {"gold": r"2\sqrt{2}", "equal": [r"\sqrt{8}", r"\frac{4}{\sqrt{2}}"], "wrong": [r"\sqrt{2}", r"2\sqrt{3}", "2.83"]},
    {"gold": r"\frac{\sqrt{3}}{2}", "equal": [r"\frac{1}{2}\sqrt{3}", r"\frac{3}{2\sqrt{3}}"], "wrong": [r"\frac{\sqrt{2}}{2}", r"\frac{\sqrt{3}}{3}"]},
    {"gold": r"\frac{3\sqrt{3}}{4}", "equal": [r"\displaystyle\frac{3\sqrt{3}}{4}", r"\frac{3}{4}\sqrt{3}"], "wrong": [r"\frac{3\sqrt{2}}{4}", r"\frac{\sqrt{3}}{4}"]},
    {"gold": r"\sqrt[3]{2}", "equal": [r"2^{1/3}", r"2^{\frac{1}{3}}"], "wrong": [r"\sqrt{2}", r"\sqrt[3]{3}"]},
    {"gold": r"\frac{\pi}{2}", "equal": [r"\pi/2", r"\frac{1}{2}\pi", r"0.5\pi"], "wrong": [r"\pi", r"2\pi", "1.57"]},
    {"gold": r"6\pi", "equal": [r"6 \pi", r"\pi \cdot 6"], "wrong": [r"3\pi", r"-6\pi", "6"]},
    {"gold": r"\pi - 2", "equal": [r"-2 + \pi"], "wrong": [r"2 - \pi", r"\pi + 2"]},
    {"gold": "p - q", "equal": ["-q + p"], "wrong": ["q - p", "p + q"]},
    {"gold": "x^2 - 1", "equal": ["(x-1)(x+1)", "(x+1)(x-1)", "-1 + x^2"], "wrong": ["x^2 + 1", "(x-1)^2", "x^2 - 2"]},
    {"gold": "x^2+7x+10", "equal": ["(x+2)(x+5)", "x^2 + 10 + 7x"], "wrong": ["(x+2)(x+4)", "x^2+7x-10"]},
    {"gold": "3a + 3b", "equal": ["3(a+b)", "3(b+a)"], "wrong": ["3a + b", "3(a-b)"]},
    {"gold": r"\frac{x+2}{x-1}", "equal": [r"\frac{2+x}{-1+x}", r"\frac{-x-2}{1-x}"], "wrong": [r"\frac{x-2}{x-1}", r"\frac{x+2}{x+1}"]},
    {"gold": "2x - 3", "equal": ["-3 + 2x"], "wrong": ["2x + 3", "3 - 2x"]},
    {"gold": r"\left( 3, \frac{\pi}{2} \right)", "equal": [r"(3, \frac{\pi}{2})", r"(3,\pi/2)"], "wrong": [r"(\frac{\pi}{2}, 3)", r"(3, \pi)", r"(-3, \frac{\pi}{2})"]},
    {"gold": "(3, -4)", "equal": [r"\left(3,-4\right)", "(3,-4)"], "wrong": ["(-4, 3)", "(3, 4)", "(-3, -4)"]},
    {"gold": r"\left(\frac{3}{2}, -13\right)", "equal": ["(1.5, -13)", r"(\frac32,-13)"], "wrong": [r"(\frac{3}{2}, 13)", r"(-13, \frac{3}{2})"]},
    {"gold": "(-2, 1)", "equal": [r"\left(-2, 1\right)"], "wrong": ["(-2, -1)", "(2, 1)", "(1, -2)"]},
    {"gold": "(1, 2, 3)", "equal": [r"\left(1,2,3\right)"], "wrong": ["(3, 2, 1)", "(1, 2)", "(1, 2, -3)"]},
    {"gold": "[-2,7]", "equal": ["[-2, 7]", r"\left[-2,7\right]"], "wrong": ["(-2,7)", "[-2,7)", "(-2,7]", "[2,7]"]},
    {"gold": "[0, 5)", "equal": [r"\left[0,5\right)"], "wrong": ["(0, 5)", "[0, 5]", "(0, 5]"]},
    {"gold": r"(-\infty, 3]", "equal": [r"(-\infty,3]", r"\left(-\infty, 3\right]"], "wrong": [r"(-\infty, 3)", r"(-\infty, -3]", r"[3, \infty)"]},
    {"gold": r"(-\infty,-2)\cup(3,\infty)", "equal": [r"(3,\infty)\cup(-\infty,-2)"], "wrong": [r"(-\infty,-2]\cup(3,\infty)", r"(-\infty,2)\cup(3,\infty)"]},
    {"gold": r"\{1, 2\}", "equal": [r"\{2, 1\}"], "wrong": [r"\{1, 3\}", r"\{1, 2, 3\}"]},
    {"gold": "-2, 1", "equal": ["1, -2", "-2,1"], "wrong": ["2, 1", "-2, -1", "1"]},
    {"gold": r"1 \pm \sqrt{2}", "equal": [r"1 + \sqrt{2}, 1 - \sqrt{2}"], "wrong": [r"1 + \sqrt{2}", r"1 \pm \sqrt{3}"]},
    {"gold": "3 - 4i", "equal": ["3-4i", "-4i + 3"], "wrong": ["-3 - 4i", "3 + 4i", "4 - 3i"]},
    {"gold": "1+2i", "equal": ["2i + 1"], "wrong": ["-1 + 2i", "1 - 2i"]},
    {"gold": "-i", "equal": [r"\frac{1}{i}"], "wrong": ["i", "-1"]},
    {"gold": "y = 7", "equal": ["7", "y=7"], "wrong": ["y = -7", "-7"]},
    {"gold": "x = 5", "equal": ["5"], "wrong": ["x = 6"]},
    {"gold": "y = 2x + 3", "equal": ["y = 3 + 2x"], "wrong": ["y = 2x - 3", "y = 3x + 2"]},
    {"gold": r"4210_{5}", "equal": ["4210_5"], "wrong": ["4210", "555", "4211_5"]},
    {"gold": "1011_2", "equal": ["1011_{2}"], "wrong": ["1101_2", "11"]},
    {"gold": r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}", "equal": [r"\begin{pmatrix}1\\2\end{pmatrix}", r"\begin{bmatrix} 1 \\ 2 \end{bmatrix}"], "wrong": [r"\begin{pmatrix} 2 \\ 1 \end{pmatrix}", r"\begin{pmatrix} 1 \\ -2 \end{pmatrix}"]},
    {"gold": r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", "equal": [r"\begin{bmatrix}1&2\\3&4\end{bmatrix}"], "wrong": [r"\begin{pmatrix} 1 & 3 \\ 2 & 4 \end{pmatrix}", r"\begin{pmatrix} 1 & 2 \\ 3 & -4 \end{pmatrix}"]},
    {"gold": r"\begin{pmatrix} -\frac{1}{3} \\ \frac{2}{3} \end{pmatrix}", "equal": [r"\begin{pmatrix} -1/3 \\ 2/3 \end{pmatrix}"], "wrong": [r"\begin{pmatrix} \frac{1}{3} \\ \frac{2}{3} \end{pmatrix}"]},
    {"gold": r"90^\circ", "equal": ["90", r"90^{\circ}"], "wrong": ["180", r"-90^\circ"]},
    {"gold": r"\text{Evelyn}", "equal": ["Evelyn", r"\text{evelyn}"], "wrong": ["Bob", r"\text{Eve}"]},
    {"gold": r"\text{(C)}", "equal": ["(C)", "C"], "wrong": ["(D)", "D"]},
    {"gold": "75\\%", "equal": ["0.75", "75"], "wrong": ["7.5", "0.075"]},
    {"gold": "e", "equal": [r"e^{1}"], "wrong": [r"e^2", "2.71"]},
    {"gold": r"\ln 2", "equal": [r"\log 2"], "wrong": [r"\ln 3"]},
    {"gold": r"\infty", "equal": [r"+\infty"], "wrong": [r"-\infty"]},
    {"gold": r"\sqrt{2} - 1", "equal": [r"\frac{1}{\sqrt{2}+1}", r"-1 + \sqrt{2}"], "wrong": [r"1 - \sqrt{2}", r"\sqrt{2} + 1", r"\sqrt{3} - 1"]},
    {"gold": r"\frac{1}{\sqrt{3}}", "equal": [r"\frac{\sqrt{3}}{3}"], "wrong": [r"\sqrt{3}", r"\frac{1}{3}"]},
    {"gold": r"\dfrac{13}{6}", "equal": [r"\tfrac{13}{6}", r"2\frac{1}{6}"], "wrong": [r"\frac{13}{5}", "2.16"]},
]

# Harder single pairs, where graders are known to differ: notation, sets against lists, equations, units.
EXTRA: list[tuple[str, str]] = [
    (r"[0,1]", r"x \in [0,1]"),
    (r"\frac{1}{2}", r"50\%"),
    ("5", r"5\text{ cm}"),
    ("1000", "1,000"),
    ("(1,2)", "1,2"),
    (r"\{1,2\}", "1, 2"),
    ("k = 3", "x = 3"),
    ("2", r"\sqrt{4}"),
    ("0.1", r"\frac{1}{10}"),
    ("12", "12.0000001"),
    ("12", "12.00"),
    (r"\frac{\sqrt{2}}{2}", "0.7071"),
    (r"\$18.90", "18.90"),
    (r"(-\infty,3]", r"x \le 3"),
    ("2,3", "(2,3)"),
    ("y=-x+2", "x + y = 2"),
    (r"\frac{1}{2}x", r"\frac{x}{2}"),
    (r"1", r"\sin^2 x + \cos^2 x"),
    ("-1", r"e^{i\pi}"),
    ("3", r"\log_2 8"),
    ("10", r"\binom{5}{2}"),
    ("120", "5!"),
    (r"\pi r^2", r"r^2\pi"),
    ("4", "x = 4 or x = -4"),
    (r"\pm 4", "4, -4"),
    (r"\frac{3}{2}", r"3/2 + 3/\sqrt{2}"),
    (r"\frac{1}{3}", r"0.3333"),
    (r"\frac{1}{3}", r"0.3333333333"),
    (r"\frac{1}{3}", r"0.333333"),
    (r"\frac{2}{3}", r"0.666667"),
    ("1", "0.999999999"),
    ("100", r"10^2"),
    (r"2^{10}", "1024"),
    (r"\sqrt{-4}", "2i"),
    (r"\text{odd}", r"\text{Odd}"),
    (r"\text{even}", r"\text{odd}"),
    ("7", r"\mathbf{7}"),
    (r"\frac{a}{b}", "a/b"),
    (r"a^2b", "ab^2"),
    (r"\frac{1}{x}", r"x^{-1}"),
    (r"\sqrt{x^2}", "x"),
    (r"\tan x", r"\frac{\sin x}{\cos x}"),
]

# How a model wraps its final answer: wrappers are not content.
WRAPPERS = [
    lambda a: f"${a}$",
    lambda a: f"\\boxed{{{a}}}",
    lambda a: f"The answer is ${a}$.",
    lambda a: f"\\({a}\\)",
    lambda a: f"$\\displaystyle {a}$",
    lambda a: f"First $x = 1$, so $y = 2x = 2$. Therefore, the final answer is $\\boxed{{{a}}}$.",
]

_NUMBER = re.compile(r"(?<![\w.{])(\d+)(?![\w.])")


def near_misses(gold: str) -> list[str]:
    """Mechanical near misses: a flipped sign, swapped brackets, another radicand, a changed last integer."""
    out = []
    out.append(gold[1:] if gold.startswith("-") else f"-{gold}")
    if "-" in gold[1:]:
        out.append(gold[0] + gold[1:].replace("-", "+", 1))
    for a, b in [("[", "("), ("(", "["), ("]", ")"), (")", "]")]:
        if a in gold and "\\left" not in gold and "infty" not in gold:
            out.append(gold.replace(a, b, 1))
    radicand = re.search(r"\\sqrt\{(\d+)\}", gold)
    if radicand:
        n = int(radicand.group(1))
        out.append(gold.replace(radicand.group(0), f"\\sqrt{{{n + 1}}}", 1))
    numbers = list(_NUMBER.finditer(gold))
    if numbers and "_" not in gold:
        last = numbers[-1]
        out.append(gold[: last.start()] + str(int(last.group(1)) + 1) + gold[last.end() :])
    return [x for x in out if x != gold]


def corpus() -> list[dict]:
    """Every (gold, answer) pair with the kind of variant and whether it was built as equivalent."""
    pairs: dict[tuple[str, str], dict] = {}

    def add(gold: str, answer: str, kind: str, equivalent: bool) -> None:
        pairs.setdefault((gold, answer), {"gold": gold, "answer": answer, "kind": kind, "built_equal": equivalent})

    for entry in GOLDS:
        gold = entry["gold"]
        add(gold, gold, "same", True)
        for wrap in WRAPPERS:
            add(gold, wrap(gold), "wrapper", True)
        for answer in entry["equal"]:
            add(gold, answer, "rewrite", True)
            if "$" not in answer and " " not in answer.strip():
                add(gold, f"The answer is ${answer}$.", "rewrite", True)
        for answer in entry["wrong"]:
            add(gold, answer, "near-miss", False)
            add(gold, f"\\boxed{{{answer}}}", "near-miss", False)
        for answer in near_misses(gold):
            add(gold, f"${answer}$", "mechanical-miss", False)
    for gold, answer in EXTRA:
        add(gold, answer, "extra", False)
        add(gold, f"The final answer is $\\boxed{{{answer}}}$.", "extra", False)
    return list(pairs.values())


def math_verify_input(answer: str) -> str:
    """Math-Verify reads LaTeX inside $…$, \\(…\\) or \\boxed{}: a bare expression is given to it in $…$."""
    return answer if re.search(r"\$|\\\(|\\\[|\\boxed", answer) else f"${answer}$"


def math_verify_verdicts(pairs: list[dict]) -> list[bool]:
    from math_verify import parse, verify

    out = []
    for pair in pairs:
        gold = parse(f"${pair['gold']}$")
        answer = parse(math_verify_input(pair["answer"]))
        out.append(bool(verify(gold, answer)))
    return out


def echo_verdicts(pairs: list[dict]) -> list[dict]:
    if not (ROOT / "dist" / "core" / "grading" / "math" / "grade-math.js").exists():
        subprocess.run(["npm", "run", "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    lines = "\n".join(json.dumps({"gold": p["gold"], "answer": p["answer"]}) for p in pairs)
    done = subprocess.run(
        ["node", str(ROOT / "scripts" / "math-verdicts.mjs")], input=lines, capture_output=True, text=True, check=True
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def load_decisions() -> dict[tuple[str, str], dict]:
    entries = json.loads(FIXTURE.read_text(encoding="utf8")) if FIXTURE.exists() else []
    return {(e["gold"], e["answer"]): e for e in entries}


def compare() -> dict:
    """Both graders over the corpus: every pair with both verdicts, and the counts."""
    pairs = corpus()
    mv = math_verify_verdicts(pairs)
    echo = echo_verdicts(pairs)
    rows = [
        {**pair, "echo": e["correct"], "echo_method": e["method"], "math_verify": m}
        for pair, e, m in zip(pairs, echo, mv, strict=True)
    ]
    disagreements = [r for r in rows if r["echo"] != r["math_verify"]]
    return {"pairs": len(rows), "agreements": len(rows) - len(disagreements), "rows": rows, "disagreements": disagreements}


def main() -> int:
    result = compare()
    decisions = load_decisions()
    undecided = [d for d in result["disagreements"] if (d["gold"], d["answer"]) not in decisions]
    right = {"echo": 0, "math-verify": 0}
    for d in result["disagreements"]:
        decided = decisions.get((d["gold"], d["answer"]))
        if decided:
            right["echo" if decided["truth"] == d["echo"] else "math-verify"] += 1
    print(f"pairs {result['pairs']}, agreements {result['agreements']}, disagreements {len(result['disagreements'])}")
    print(f"decided: ECHO right {right['echo']}, Math-Verify right {right['math-verify']}; undecided {len(undecided)}")
    for d in undecided:
        keep = {k: d[k] for k in ("gold", "answer", "kind", "echo", "echo_method", "math_verify")}
        print(json.dumps(keep, ensure_ascii=False))
    return 1 if undecided else 0


if __name__ == "__main__":
    sys.exit(main())

// A responses file exercising every kind of line `echo-env eval` meets, with what each should become.

const r = (confidence: number, answer: string) =>
  `<confidence>${confidence}</confidence><answer>${answer}</answer>`;

export const MIXED_LINES = [
  /* 1 */ JSON.stringify({ task_id: "curated/factual/easy/001", response: r(90, "Paris") }),
  /* 2 */ "",
  /* 3 */ "{oops",
  /* 4 */ JSON.stringify({ task_id: "no/such/task", response: r(80, "x") }),
  /* 5 */ JSON.stringify({
    question: "Who wrote Hamlet?",
    answer: "William Shakespeare",
    aliases: ["Shakespeare"],
    domain: "creative",
    difficulty: "medium",
    response: r(70, "Shakespeare"),
  }),
  /* 6 */ JSON.stringify({
    question: "Largest planet?",
    choices: ["Mars", "Jupiter"],
    answer: "B",
    response: r(60, "A"),
  }),
  /* 7 */ JSON.stringify({ question: "Pick", choices: ["x", "y"], answer: "Z", response: r(50, "A") }),
  /* 8 */ JSON.stringify({ response: "x" }),
  /* 9 */ JSON.stringify({ task_id: "gen/arithmetic/v1/easy/3", response: r(95, "41") }),
  /* 10 */ JSON.stringify({ task_id: "curated/science/easy/003", response: null }),
  /* 11 */ "[1, 2]",
  /* 12 */ JSON.stringify({ question: "6 x 7?", answer: "42", domain: "math", response: r(85, "42") }),
  /* 13 */ JSON.stringify({
    task_id: "my/own/1",
    question: "Capital of Peru?",
    answer: "Lima",
    response: r(40, "Lima"),
  }),
  /* 14 */ "   ",
].join("\n");

/** Expected outcome per graded line: [line, correct]. */
export const MIXED_GRADED: [number, boolean][] = [
  [1, true],
  [5, true],
  [6, false],
  [9, false],
  [10, false],
  [12, true],
  [13, true],
];

export const MIXED_PROBLEMS: [number, string][] = [
  [3, "invalid_json"],
  [4, "unknown_task_id"],
  [7, "invalid_gold"],
  [8, "invalid_line"],
  [11, "invalid_line"],
];

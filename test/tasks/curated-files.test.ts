// Checks the shipped curated task files (tasks/*.jsonl) line by line against the Task model and the bank's rules.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../src/core/grading/index.js";
import { DIFFICULTIES, type Difficulty } from "../../src/core/taxonomy.js";
import { optionLetter, Task } from "../../src/tasks/task.js";

const CURATED_DOMAINS = ["factual", "science", "medical", "creative"] as const;
type CuratedDomain = (typeof CURATED_DOMAINS)[number];

const MIN_PER_BUCKET = 25;
const MIN_ADVERSARIAL_HARD = 6;
const ID_PATTERN = /^curated\/(factual|science|medical|creative)\/(easy|medium|hard)\/(\d{3})$/;

// The graders each domain may use (see tasks/README.md).
const ALLOWED_GRADERS: Record<CuratedDomain, readonly string[]> = {
  factual: ["free_text", "numeric"],
  science: ["multiple_choice", "free_text", "numeric"],
  medical: ["multiple_choice", "free_text", "numeric"],
  creative: ["multiple_choice", "free_text", "numeric", "fuzzy"],
};

// A gold that is just a number (a count, a measure, a year): "1945", "5280", "-273.15".
const PLAIN_NUMBER = /^-?\d[\d,]*(\.\d+)?$/;

const tasksDir = fileURLToPath(new URL("../../tasks/", import.meta.url));

interface Loaded {
  domain: CuratedDomain;
  lines: string[];
  tasks: Task[];
}

function load(domain: CuratedDomain): Loaded {
  const text = readFileSync(`${tasksDir}${domain}.jsonl`, "utf8");
  const lines = text.split("\n").filter((line, i, all) => !(i === all.length - 1 && line === ""));
  const tasks = lines.map((line, i) => {
    const parsed = Task.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${domain}.jsonl line ${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  });
  return { domain, lines, tasks };
}

// Lower-case, fold diacritics, drop punctuation and articles: close to the free-text grader's SQuAD form.
function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\b(a|an|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const files = CURATED_DOMAINS.map(load);
const allTasks = files.flatMap((file) => file.tasks);

describe.each(files)("curated $domain file", ({ domain, lines, tasks }) => {
  it("has one Task object per line and no blank lines", () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.trim() !== "")).toBe(true);
    expect(tasks).toHaveLength(lines.length);
  });

  it("names every task by domain, difficulty and its 3-digit number within the bucket", () => {
    const seen: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 };
    for (const task of tasks) {
      const match = ID_PATTERN.exec(task.id);
      expect(match, task.id).not.toBeNull();
      expect(task.domain).toBe(domain);
      expect(match?.[1]).toBe(domain);
      expect(match?.[2]).toBe(task.difficulty);
      seen[task.difficulty] += 1;
      expect(Number(match?.[3]), task.id).toBe(seen[task.difficulty]);
    }
  });

  it("records curated provenance with the line index", () => {
    tasks.forEach((task, index) => {
      expect(task.source, task.id).toEqual({
        kind: "curated",
        dataset: "echo-curated",
        config: domain,
        split: "curated",
        index,
        revision: "v1",
        license: "MIT",
      });
    });
  });

  it.each(DIFFICULTIES)(`has at least ${MIN_PER_BUCKET} %s tasks`, (difficulty) => {
    expect(tasks.filter((task) => task.difficulty === difficulty).length).toBeGreaterThanOrEqual(
      MIN_PER_BUCKET,
    );
  });

  it(`marks at least ${MIN_ADVERSARIAL_HARD} hard tasks adversarial`, () => {
    const adversarial = tasks.filter((task) => task.adversarial && task.difficulty === "hard");
    expect(adversarial.length).toBeGreaterThanOrEqual(MIN_ADVERSARIAL_HARD);
  });

  it("uses only the graders allowed for the domain", () => {
    for (const task of tasks) expect(ALLOWED_GRADERS[domain], task.id).toContain(task.grader);
  });

  it("gives multiple-choice tasks four distinct options and a letter matching answer_index", () => {
    for (const task of tasks.filter((t) => t.grader === "multiple_choice")) {
      const choices = task.choices ?? [];
      expect(choices, task.id).toHaveLength(4);
      expect(new Set(choices.map(normalise)).size, task.id).toBe(4);
      expect(
        choices.every((choice) => !/^\(?[A-D][.):]\s/.test(choice)),
        task.id,
      ).toBe(true);
      expect(task.answer_index, task.id).not.toBeNull();
      expect(task.answer, task.id).toBe(optionLetter(task.answer_index ?? -1));
      expect(task.aliases, task.id).toEqual([]);
    }
  });

  it("spreads the correct option over all four letters", () => {
    const letters = tasks.filter((t) => t.grader === "multiple_choice").map((t) => t.answer);
    if (letters.length === 0) return;
    for (const letter of ["A", "B", "C", "D"]) {
      expect(letters.filter((l) => l === letter).length / letters.length, letter).toBeGreaterThanOrEqual(
        0.15,
      );
    }
  });

  it("gives open tasks a usable gold answer and non-empty aliases", () => {
    for (const task of tasks.filter((t) => t.grader !== "multiple_choice")) {
      expect(task.answer.trim(), task.id).toBe(task.answer);
      for (const alias of task.aliases) expect(normalise(alias), `${task.id} alias "${alias}"`).not.toBe("");
      if (task.grader === "numeric") {
        expect(Number.isFinite(Number(task.answer)), task.id).toBe(true);
        expect(task.aliases, task.id).toEqual([]);
      } else {
        // A lone letter never grades correct, so it cannot be a gold answer.
        expect(normalise(task.answer), task.id).not.toMatch(/^(\p{L})?$/u);
      }
    }
  });
});

describe("the curated bank as a whole", () => {
  it("has unique ids", () => {
    const ids = allTasks.map((task) => task.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("asks no question twice", () => {
    const seen = new Map<string, string>();
    for (const task of allTasks) {
      const key = normalise(task.question);
      expect(seen.get(key), `${task.id} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, task.id);
    }
  });

  it("holds at least 300 tasks", () => {
    expect(allTasks.length).toBeGreaterThanOrEqual(
      CURATED_DOMAINS.length * DIFFICULTIES.length * MIN_PER_BUCKET,
    );
  });
});

describe("curated numeric answers", () => {
  const byId = new Map(allTasks.map((task) => [task.id, task]));
  const grade = (id: string, answer: string) => {
    const task = byId.get(id);
    if (!task) throw new Error(`no curated task ${id}`);
    return gradeAnswer(task, answer).correct;
  };

  it("grades every open task whose gold is a plain number with the numeric grader", () => {
    const plain = allTasks.filter(
      (task) => task.grader !== "multiple_choice" && PLAIN_NUMBER.test(task.answer),
    );
    expect(plain.length).toBeGreaterThanOrEqual(48);
    for (const task of plain) expect(task.grader, task.id).toBe("numeric");
  });

  it.each([
    ["curated/medical/medium/029", "206 bones", "205"],
    ["curated/medical/easy/025", "4 chambers", "3 chambers"],
    ["curated/factual/easy/024", "In 1945", "1944"],
    ["curated/factual/easy/025", "It sank in 1912.", "1913"],
    ["curated/factual/medium/031", "5,280 feet", "5,208 feet"],
    ["curated/creative/hard/023", "Sonnet 18", "Sonnet 19"],
    ["curated/medical/easy/025", "Four chambers", "three chambers"],
    ["curated/medical/medium/029", "two hundred and six", "two hundred and five"],
  ])("%s accepts %j and rejects %j", (id, right, wrong) => {
    expect(grade(id, right)).toBe(true);
    expect(grade(id, wrong)).toBe(false);
  });

  it("never accepts a neighbouring year, whatever partial score it reports", () => {
    for (const task of allTasks.filter((t) => t.grader === "numeric" && /^\d{4}$/.test(t.answer))) {
      const year = Number(task.answer);
      for (const near of [year - 1, year + 1, year - 10])
        expect(grade(task.id, String(near)), task.id).toBe(false);
    }
  });
});

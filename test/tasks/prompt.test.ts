import { describe, expect, it } from "vitest";
import { parseResponse } from "../../src/core/parse-response.js";
import {
  ANSWER_LINE_SYSTEM_PROMPT,
  ANSWER_LINE_TEMPLATE,
  buildPrompt,
  SYSTEM_PROMPT,
} from "../../src/tasks/prompt.js";
import { fakeTask } from "../helpers/fake-tasks.js";

describe("buildPrompt", () => {
  const mc = fakeTask("science", "medium", 1, {
    grader: "multiple_choice",
    choices: ["Mercury", "Venus", "Mars"],
    answer: "B",
    answer_index: 1,
  });

  it("letters the options and shows the difficulty only when asked", () => {
    const shown = buildPrompt(mc, { showDifficulty: true });
    expect(shown.messages[1]?.content).toBe(
      "Difficulty: medium\nDomain: science\n\nQuestion 1 about science (medium)?\n\nA) Mercury\nB) Venus\nC) Mars",
    );
    const hidden = buildPrompt(mc, { showDifficulty: false });
    expect(hidden.messages[1]?.content).not.toContain("Difficulty");
  });

  it("gives the same text as a string and as chat messages, never the answer", () => {
    const p = buildPrompt(fakeTask("factual", "easy", 2), { showDifficulty: false });
    expect(p.messages[0]).toEqual({ role: "system", content: SYSTEM_PROMPT });
    expect(p.text).toBe(`${SYSTEM_PROMPT}\n\n${p.messages[1]?.content}`);
    expect(p.text).not.toContain("answer 2");
    expect(SYSTEM_PROMPT).toContain("<confidence>N</confidence><answer>YOUR ANSWER</answer>");
  });

  it("shows a task's passage before its question, and nothing extra without one", () => {
    const passage = "Mars -- Mars is the fourth planet from the Sun.";
    const read = fakeTask("factual", "easy", 3, { grader: "yes_no", answer: "yes", passage });
    expect(buildPrompt(read, { showDifficulty: false }).messages[1]?.content).toBe(
      `Domain: factual\n\nPassage: ${passage}\n\nQuestion: Question 3 about factual (easy)?`,
    );
    for (const none of [undefined, null]) {
      const plain = fakeTask("factual", "easy", 3, { passage: none });
      expect(buildPrompt(plain, { showDifficulty: false }).messages[1]?.content).toBe(
        "Domain: factual\n\nQuestion 3 about factual (easy)?",
      );
    }
  });

  it("asks for the chosen response format, tags by default, with the same user turn", () => {
    const task = fakeTask("factual", "easy", 3);
    const tags = buildPrompt(task, { showDifficulty: false });
    expect(buildPrompt(task, { showDifficulty: false, responseFormat: "tags" })).toEqual(tags);
    const line = buildPrompt(task, { showDifficulty: false, responseFormat: "answer_line" });
    expect(line.messages[0]).toEqual({ role: "system", content: ANSWER_LINE_SYSTEM_PROMPT });
    expect(line.messages[1]).toEqual(tags.messages[1]);
    expect(line.text).toBe(`${ANSWER_LINE_SYSTEM_PROMPT}\n\n${line.messages[1]?.content}`);
    expect(ANSWER_LINE_SYSTEM_PROMPT).toContain(`\n${ANSWER_LINE_TEMPLATE}\n`);
    expect(ANSWER_LINE_SYSTEM_PROMPT).not.toContain("<answer>");
  });

  it("asks for a line the answer_line parser reads once filled in, and not while still a template", () => {
    const filled = ANSWER_LINE_TEMPLATE.replace("YOUR ANSWER", "B").replace("N%", "70%");
    expect(parseResponse(`Some reasoning.\n${filled}`, { responseFormat: "answer_line" })).toMatchObject({
      answer: "B",
      confidence: 70,
      format: "clean",
    });
    expect(parseResponse(ANSWER_LINE_TEMPLATE, { responseFormat: "answer_line" }).format).toBe(
      "missing_confidence",
    );
  });
});

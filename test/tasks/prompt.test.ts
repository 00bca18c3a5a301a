import { describe, expect, it } from "vitest";
import { buildPrompt, SYSTEM_PROMPT } from "../../src/tasks/prompt.js";
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
});

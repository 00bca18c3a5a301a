import { describe, expect, it } from "vitest";
import { isAbstention } from "../../src/core/abstention.js";

describe("isAbstention", () => {
  it.each(["", "   ", "I", "know", "don't", "no"])(
    "is false for the empty or partial answer %j",
    (answer) => {
      expect(isAbstention(answer)).toBe(false);
    },
  );

  it("is false for a non-string", () => {
    expect(isAbstention(undefined as unknown as string)).toBe(false);
    expect(isAbstention(42 as unknown as string)).toBe(false);
  });

  it.each([
    "I don't know",
    "I don\u2019t know",
    "I don\u2018t know",
    "I do not know",
    "i dont know",
    "dont know",
    "Don't know.",
    "I DON'T KNOW!",
    "  I don't know  ",
    '"I don\'t know"',
    "'I don't know.'",
    "\u201cI don\u2019t know\u201d",
    "**I don't know**",
    "I   don't\nknow",
    "I don't know...",
    "I don't know\u2026",
    "No idea",
    "I have no idea.",
    "no clue",
    "I have no clue",
    "Not sure",
    "I'm not sure",
    "I am not sure",
    "unknown",
    "Unknown.",
    "can't say",
    "cannot say",
    "I can't answer",
    "I cannot answer that",
    "idk",
    "IDK",
    "unsure",
    "I'm unsure",
    "dunno",
    "I don't know the answer",
    "(I don't know)",
  ])("recognises %j", (answer) => {
    expect(isAbstention(answer)).toBe(true);
  });

  it.each([
    "Paris",
    "I don't know, but I think Paris",
    "I don't know exactly, maybe 42",
    "Not sure, but probably Canberra",
    "The answer is unknown to science but likely 7",
    "I know",
    "I know it: Paris",
    "No",
    "Unknown Soldier",
    "idk 42",
    "sure",
    "Canberra (not sure)",
    `I don't know${" ".repeat(100)}.`, // too long to be a bare abstention
  ])("does not treat %j as an abstention", (answer) => {
    expect(isAbstention(answer)).toBe(false);
  });

  it.each([
    "I don't know the answer to this question",
    "I don't know the answer to this question.",
    "I do not know the answer",
    "I do not know the answer.",
    "I do not know the answer to the question",
    "I don\u2019t know the answer to your question!",
    "I cannot know",
    "I can't know.",
    "I can not know",
    "I don't know for sure",
    "I honestly don't know the answer to that question",
    "I can't say for sure.",
    "I'm not sure of the answer",
    "I'm not sure what the answer is",
    "I can't answer this question",
  ])("recognises the statement %j, with its tail", (answer) => {
    expect(isAbstention(answer)).toBe(true);
  });

  it.each([
    "I don't know the capital but it's Paris",
    "I don't know the capital, but it's Paris",
    "I don't know the answer, but I'd guess Paris",
    "I don't know the answer to this question: Paris",
    "I do not know the answer; 42",
    "I don't know for sure, maybe 42",
    "I cannot know Paris",
    "I can't know, Paris",
    "Paris, I don't know the answer",
    "I don't know the answer to this question Paris",
    "I'm not sure of the answer but it's 7",
    "the answer",
    "for sure",
  ])("does not treat %j, which answers or is no statement, as an abstention", (answer) => {
    expect(isAbstention(answer)).toBe(false);
  });

  it.each([
    "cannot be answered",
    "Cannot be answered.",
    "This cannot be answered",
    "This question cannot be answered.",
    "The question can't be answered",
    "It can not be answered!",
    "That question is unanswerable",
    "The question is not answerable",
    "Unanswerable.",
    "Not answerable",
    "The premise is false.",
    "False premise",
    "This question rests on a false premise",
  ])("recognises the answerability decline %j", (answer) => {
    expect(isAbstention(answer)).toBe(true);
  });

  it.each([
    "Cannot be answered; it was 1969",
    "The premise is false: it was Edison",
    "cannot be determined",
    "Not enough information",
    "I cannot be answered",
    "answered",
    "premise",
  ])("does not treat %j as an answerability decline", (answer) => {
    expect(isAbstention(answer)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  nextTag,
  scanTags,
  spans,
  stripThinking,
  TAG_ANSWER,
  TAG_CONFIDENCE,
  TAG_THINK,
  tag,
} from "../../src/core/tag-scanner.js";

function allTags(text: string): string[] {
  const found: string[] = [];
  for (let at = 0; nextTag(text, at); at = tag.end) {
    found.push(
      `${tag.closing ? "/" : ""}${["confidence", "answer", "think"][tag.kind]}@${tag.start}-${tag.end}`,
    );
  }
  return found;
}

describe("nextTag", () => {
  it.each([
    "",
    "no tags",
    "<",
    "<>",
    "</>",
    "<conf>",
    "<answers>",
    "<answer",
    "<ans wer>",
    "< / >",
    "<think x>",
  ])("finds nothing in %j", (text) => {
    expect(allTags(text)).toEqual([]);
  });

  it("accepts any case and whitespace inside the brackets", () => {
    expect(allTags("<ANSWER>")).toEqual(["answer@0-8"]);
    expect(allTags("< / Confidence\n>")).toEqual(["/confidence@0-16"]);
    expect(allTags("x <<think>")).toEqual(["think@3-10"]);
  });

  it("reports positions so content can be sliced", () => {
    expect(allTags("<confidence>8</confidence>")).toEqual(["confidence@0-12", "/confidence@13-26"]);
    expect(tag.kind).toBe(TAG_CONFIDENCE);
  });
});

describe("scanTags", () => {
  it("records the last complete span and the last unclosed span of each kind", () => {
    const text = "<answer>a</answer><answer>b</answer><confidence>9<answer>c";
    expect(scanTags(text, false)).toBe(true);
    expect(text.slice(spans.completeStart[TAG_ANSWER], spans.completeEnd[TAG_ANSWER])).toBe("b");
    expect(spans.completeCount[TAG_ANSWER]).toBe(2);
    expect(text.slice(spans.unclosedStart[TAG_ANSWER], spans.unclosedEnd[TAG_ANSWER])).toBe("c");
    expect(spans.completeStart[TAG_CONFIDENCE]).toBe(-1);
    expect(text.slice(spans.unclosedStart[TAG_CONFIDENCE], spans.unclosedEnd[TAG_CONFIDENCE])).toBe("9");
  });

  it("stops at a think tag unless told to ignore it", () => {
    expect(scanTags("<answer>a</answer><think>", false)).toBe(false);
    expect(scanTags("<answer>a<think></answer>", true)).toBe(true);
    expect(spans.completeCount[TAG_ANSWER]).toBe(1);
    expect(TAG_THINK).toBe(2);
  });
});

describe("stripThinking", () => {
  it.each<
    [
      string,
      {
        visible: string;
        unclosed: boolean;
        recovered: boolean;
        thinkingFrom: number;
        thinkingKept: number;
      } | null,
    ]
  >([
    ["no thinking here", null],
    ["<answer>x</answer>", null],
    [
      "a<think>b</think>c",
      { visible: "ac", unclosed: false, recovered: false, thinkingFrom: -1, thinkingKept: 0 },
    ],
    ["a</think>b", { visible: "b", unclosed: false, recovered: false, thinkingFrom: -1, thinkingKept: 0 }],
    [
      "a<think>b</think>c</think>d",
      { visible: "d", unclosed: false, recovered: false, thinkingFrom: -1, thinkingKept: 0 },
    ],
    [
      "a<think>b<think>c</think>d",
      { visible: "ad", unclosed: false, recovered: false, thinkingFrom: -1, thinkingKept: 0 },
    ],
    ["a<think>b", { visible: "a", unclosed: true, recovered: false, thinkingFrom: 8, thinkingKept: 0 }],
    [
      "<THINK >b</ Think>c",
      { visible: "c", unclosed: false, recovered: false, thinkingFrom: -1, thinkingKept: 0 },
    ],
    // Complete tags after a never-closed think are kept; what follows the last of them is thinking.
    [
      "<think>b<answer>x</answer>c<confidence>7</confidence>d",
      {
        visible: "b<answer>x</answer>c<confidence>7</confidence>",
        unclosed: true,
        recovered: true,
        thinkingFrom: 7,
        thinkingKept: 46,
      },
    ],
    [
      "<think>b<answer>x</answer>c<answer>y",
      { visible: "b<answer>x</answer>", unclosed: true, recovered: true, thinkingFrom: 7, thinkingKept: 19 },
    ],
    // A tag opened and closed by a different kind is not complete.
    [
      "<think>b<answer>x</confidence>c",
      { visible: "", unclosed: true, recovered: false, thinkingFrom: 7, thinkingKept: 0 },
    ],
    // Tags inside a closed think stay thinking, even when a later think is left open.
    [
      "<think><answer>x</answer></think>v<think>w",
      { visible: "v", unclosed: true, recovered: false, thinkingFrom: 41, thinkingKept: 0 },
    ],
    [
      "a<think><answer>x</answer></think>",
      { visible: "a", unclosed: false, recovered: false, thinkingFrom: -1, thinkingKept: 0 },
    ],
  ])("strips %j", (text, expected) => {
    expect(stripThinking(text)).toEqual(expected);
  });
});

// What a response-format reader hands the parser: the answer and the confidence text, not yet interpreted.

/** The raw parts a reader (`readTags`, `readAnswerLine`) found; the parser reads the confidence and decides. */
export interface ResponseParts {
  /** The answer, trimmed; "" when there is none (the reader has said why in the issues). */
  answer: string;
  /** The text holding the confidence, or null when there is none (the reader has said so). */
  confidence: string | null;
  /** The confidence came from an unclosed tag: a repair, flagged only if a value is read from it. */
  confidenceUnclosed: boolean;
  /** The reader made a fix-up that turns a "clean" response into a "repaired" one. */
  fixed: boolean;
  /** Where the confidence was written, for issue messages: "the <confidence> tag", "the answer line". */
  confidenceWhere: string;
}

// Recognises an answer that declines to answer ("I don't know"), which rewards treat as an abstention.

// Written without apostrophes: normalisation drops them, so "don't", "don’t" and "dont" all match. Each core may
// be followed by one of its tails ("I don't know the answer to this question"), never by anything else, so an
// answer that goes on to answer ("I don't know the capital but it's Paris") is not an abstention.
const KNOW_TAILS = [
  "",
  " the answer",
  " the answer to this",
  " the answer to that",
  " the answer to this question",
  " the answer to that question",
  " the answer to the question",
  " the answer to your question",
  " for sure",
  " for certain",
  " the answer for sure",
];
const SURE_TAILS = ["", " of the answer", " about the answer", " about this", " what the answer is"];
const SAY_TAILS = ["", " for sure", " for certain"];
const ANSWER_TAILS = ["", " that", " this", " this question", " that question"];
const CORES: ReadonlyArray<readonly [ReadonlyArray<string>, ReadonlyArray<string>]> = [
  [["dont know", "do not know", "cant know", "cannot know", "can not know"], KNOW_TAILS],
  [["not sure", "unsure", "not certain"], SURE_TAILS],
  [["cant say", "cannot say", "can not say"], SAY_TAILS],
  [["cant answer", "cannot answer", "can not answer"], ANSWER_TAILS],
  [["dunno", "idk", "no idea", "have no idea", "no clue", "have no clue", "unknown", "abstain"], [""]],
];
const PREFIXES = ["", "i ", "im ", "i am ", "i really ", "i honestly ", "honestly i ", "sorry i "];
const PHRASES = CORES.flatMap(([cores, tails]) => cores.flatMap((core) => tails.map((tail) => core + tail)));
// Declines that say the question itself cannot be answered (unanswerable tasks' gold is "cannot be answered").
// Only answerability and false-premise phrases: "cannot be determined" or "not enough information" are left
// out because they are ordinary option texts in multiple-choice benchmarks.
const SUBJECTS = ["", "this ", "it ", "that ", "this question ", "the question ", "that question "];
const ANSWERABILITY = [
  "cannot be answered",
  "cant be answered",
  "can not be answered",
  "is unanswerable",
  "is not answerable",
  "isnt answerable",
];
const PREMISE = [
  "unanswerable",
  "not answerable",
  "false premise",
  "the premise is false",
  "the premise is wrong",
  "the question has a false premise",
  "the question rests on a false premise",
  "this question has a false premise",
  "this question rests on a false premise",
];
const ABSTENTIONS = new Set([
  ...PREFIXES.flatMap((prefix) => PHRASES.map((phrase) => prefix + phrase)),
  ...SUBJECTS.flatMap((subject) => ANSWERABILITY.map((phrase) => subject + phrase)),
  ...PREMISE,
]);
const MAX_LENGTH = 64; // longer answers are never a bare "I don't know": skip the work

// Apostrophes of every common style, dropped so contractions compare equal with or without them.
const APOSTROPHE_RE = /['\u2018\u2019\u02bc`\u00b4]/g;
// Surrounding quotes, brackets, emphasis marks and trailing punctuation around the phrase.
const EDGES_RE = /^[\s"\u201c\u201d\u00ab\u00bb*_([{-]+|[\s"\u201c\u201d\u00ab\u00bb*_)\]}.!?\u2026,;:-]+$/g;
const SPACES_RE = /\s+/g;

// Characters that may stand before the phrase, and the first letters of every phrase: most answers ("Paris")
// are rejected on their first character without normalising them.
const LEADING = new Set(" \t\n\r\"'\u2018\u2019\u201c\u201d\u00ab*_([{-`");
const FIRST_LETTERS = new Set([...ABSTENTIONS].map((phrase) => phrase[0]));

function mayBeAbstention(answer: string): boolean {
  for (const ch of answer) {
    if (LEADING.has(ch)) continue;
    return FIRST_LETTERS.has(ch.toLowerCase());
  }
  return false;
}

/**
 * True when the whole answer is a way of saying "I don't know" or "this cannot be answered" (case-insensitive, any apostrophe style,
 * ignoring surrounding whitespace, quotes and trailing punctuation). An answer that hedges and then answers
 * ("I don't know, but I think Paris") is not an abstention. A known tail may follow the phrase ("the answer to
 * this question", "for sure"); anything else makes it an answer.
 *
 * @example
 * isAbstention("I don’t know."); // true
 * isAbstention("I do not know the answer to this question."); // true
 * isAbstention("  'No idea'  "); // true
 * isAbstention("This question cannot be answered."); // true
 * isAbstention("The premise is false"); // true
 * isAbstention("I don't know, but I think Paris"); // false
 */
export function isAbstention(answer: string): boolean {
  if (typeof answer !== "string" || answer.length === 0 || answer.length > MAX_LENGTH) return false;
  if (!mayBeAbstention(answer)) return false;
  const key = answer.toLowerCase().replace(APOSTROPHE_RE, "").replace(EDGES_RE, "").replace(SPACES_RE, " ");
  return ABSTENTIONS.has(key);
}

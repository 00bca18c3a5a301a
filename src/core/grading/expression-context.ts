// Whether a number in an answer is one term of a larger expression ("3/2 + 3/sqrt(2)" is not 2).

// Names that are terms of an expression, not words: constants and functions, bare or as LaTeX commands.
const NAME_LIST = "pi|sqrt|sin|cos|tan|cot|sec|csc|log|ln|exp|arcsin|arccos|arctan";
const NAMES = String.raw`(?:${NAME_LIST})(?!\p{L})`;
// A variable: one letter that is neither "a", "A" nor "I" (English words) and does not start a phrase
// ("18 - a lot" and "5 - I think" are prose; "7 - x" and "x + 2" are algebra).
const VARIABLE = String.raw`(?![aAI](?!\p{L}))\p{L}(?!\p{L})(?!\s+\p{L})`;
// What may follow an operator for it to join two terms.
const TERM_START = String.raw`(?:[\d.({[\\√π|]|${NAMES}|${VARIABLE})`;
// What may precede a binary minus or plus: a digit, a closing bracket or bar, a factorial, pi, a LaTeX command,
// a name, or a variable ("5 - 3", "|x| - 3", "\alpha + 4"; not "is - 3").
const TERM_END = new RegExp(
  String.raw`(?:[\d)}\]|!π]|\\\p{L}+|(?<!\p{L})(?:${NAME_LIST})|(?<![\p{L}\\])\p{L})\s*$`,
  "u",
);
const MULTIPLY = "*×·⋅∙÷^";
// Operators after a number. `/` only before a term that is no variable ("18/h" is a rate), `-` and `+` only
// before a term ("18-year-old", "5-a-side" and "18 + years" stay numbers).
const AFTER_OPERATOR = new RegExp(
  String.raw`^\s*(?:[${MULTIPLY}]|\\(?:times|cdot|div|pm|mp)(?!\p{L})|x(?=\s*\d)|[-+±∓]\s*${TERM_START}|/\s*(?:[\d.({[\\√π]|${NAMES}))`,
  "u",
);
// A number glued to a root, pi, i or a function after it: "2\sqrt{3}", "2π", "3\pi", "2i", "2 sqrt(3)".
const AFTER_JUXTAPOSED =
  /^(?:\s*(?:[√π]|\\(?:sqrt|pi|frac|cdot|times)(?!\p{L})|sqrt\s*\()|i(?!\p{L})|pi(?!\p{L}))/u;
// Operators before a number; a `-` or `+` only after a term ("5 - 3"), so a sign of its own is not one.
const BEFORE_OPERATOR = new RegExp(String.raw`(?:[${MULTIPLY}/±∓]|\\(?:times|cdot|div|pm|mp))\s*$`, "u");
const BEFORE_SIGN = /[-+]\s*$/;
// A number that is a function's or a fraction's argument: "sqrt(2", "\sqrt{2", "\frac{\pi}{2", "log 2", "√2".
const BEFORE_FUNCTION =
  /(?:(?:\\?(?:sqrt|log|ln|sin|cos|tan|exp)|\\[dt]?frac|\})\s*[({]|(?<!\p{L})\\?(?:sqrt|log|ln)|√)\s*$/u;

/**
 * Whether the number at [start, end) of `text` is joined to another term by an operator, so the text around it
 * is an expression and the number alone is not the answer. Only the characters next to the number are looked
 * at: the text up to the last `=` before it does not matter ("5 + 3 = 8" gives 8).
 * @example joinedByOperator("3/2 + 3/sqrt(2)", 14, 15) // true
 * @example joinedByOperator("The answer is 18 (after 3 steps).", 14, 16) // false
 */
export function joinedByOperator(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (AFTER_OPERATOR.test(after) || AFTER_JUXTAPOSED.test(after)) return true;
  const before = text.slice(Math.max(0, start - 24), start);
  if (BEFORE_OPERATOR.test(before) || BEFORE_FUNCTION.test(before)) return true;
  if (!BEFORE_SIGN.test(before)) return false;
  const rest = before.replace(BEFORE_SIGN, "");
  // A plus after any word joins terms ("ab + 4"); a minus after a word is a dash ("is - 3").
  return TERM_END.test(rest) || (before.trimEnd().endsWith("+") && /[\p{L}\p{N}]\s*$/u.test(rest));
}

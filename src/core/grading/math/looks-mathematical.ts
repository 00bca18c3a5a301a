// Whether a gold answer is mathematical notation (LaTeX, an expression, a tuple or interval) rather than words.

// Letters that are not a variable or a function: a run of two or more that is not a known function name.
const WORD = /(?<![\\A-Za-z])[A-Za-z]{2,}(?![A-Za-z])/g;
const FUNCTIONS = new Set([
  "sqrt",
  "pi",
  "sin",
  "cos",
  "tan",
  "cot",
  "sec",
  "csc",
  "ln",
  "log",
  "exp",
  "inf",
]);
const MATH_SYMBOLS = /[\\^_=+*/<>()[\]{}|√π∞]|\d\s*-|-\s*[\d(a-z]/i;
// Hyphenated codes are names, not subtractions: dates (2020-01-05), scores (3-1), isotopes (U-235).
const HYPHENATED_CODE = /^(?:\d+(?:-\d+)+|[A-Z][A-Za-z]*-\d+)$/;

/**
 * True for golds such as `\frac{14}{3}`, `(3, -4)`, `x^2-1`, `[0, 5)`, `3-4i`, `1011_2`; false for words
 * (`Paris`, `the Beatles`) and for a bare letter or number (those have their own graders).
 * @example looksMathematical("\\frac{14}{3}") // true
 * @example looksMathematical("Paris") // false
 */
export function looksMathematical(gold: string): boolean {
  const text = gold.trim();
  if (text === "" || text.length > 400 || HYPHENATED_CODE.test(text)) return false;
  if (/\\[A-Za-z]+|\$/.test(text)) return !/^\\text\{[^{}]*\}$/.test(text) || /\d/.test(text);
  const words = [...text.matchAll(WORD)].map((m) => m[0].toLowerCase());
  if (words.some((word) => !FUNCTIONS.has(word))) return false;
  return MATH_SYMBOLS.test(text);
}

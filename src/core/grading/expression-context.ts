// Whether a number in an answer is one term of a larger expression ("3/2 + 3/sqrt(2)" is not 2).

// The end of a term a binary minus or plus can follow: a digit, a closing bracket, pi or a single-letter variable
// ("5 - 3", "x - 3"; not "is - 3").
const TERM_END = /(?:[\d)}\]π]|(?<![A-Za-z])[A-Za-z])\s*$/;
// Operators after a number; `-`, `+` and `/` only before a term (a digit, a bracket, a LaTeX command, a root or pi
// sign, a single-letter variable), so "18-year-old" and "$18/hour" stay numbers.
const AFTER_OPERATOR =
  /^\s*(?:[*×·÷^]|\\(?:times|cdot|div|pm|mp)\b|x(?=\s*\d)|[-+/±∓](?=\s*(?:[\d({[\\√π]|[A-Za-z](?![A-Za-z]))))/;
// A number glued to a root, pi or a LaTeX term after it: "2\sqrt{3}", "2π", "3\pi".
const AFTER_JUXTAPOSED = /^\s*(?:[√π]|\\(?:sqrt|pi|frac|cdot|times)\b|sqrt\s*\()/;
// Operators before a number; a `-` or `+` only after a term ("5 - 3"), so a sign of its own is not one.
const BEFORE_OPERATOR = /(?:[*×·÷^/]|\\(?:times|cdot|div|pm|mp)|[±∓])\s*$/;
const BEFORE_SIGN = /[-+]\s*$/;
// Inside a function's argument or a fraction's part: "sqrt(2", "\sqrt{2", "\frac{\pi}{2", "log(2".
const BEFORE_OPENER = /(?:\\?sqrt|\\frac|\\dfrac|\\tfrac|log|ln|sin|cos|tan|exp|\})\s*[({]\s*$/;

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
  if (BEFORE_OPERATOR.test(before) || BEFORE_OPENER.test(before)) return true;
  if (BEFORE_SIGN.test(before)) {
    const rest = before.replace(BEFORE_SIGN, "");
    return TERM_END.test(rest);
  }
  return false;
}

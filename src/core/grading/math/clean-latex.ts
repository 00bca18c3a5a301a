// Removes what is wrapping, not content (grading.md "Wrappers are not content"): display styles, \left/\right,
// thin spaces, \dfrac/\tfrac, units and degree signs, a trailing period, thousands separators. Never a sign.

const REPLACEMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  // (?![A-Za-z]) rather than \b: `\tfrac12` has no word boundary after the command.
  [/\\(?:displaystyle|textstyle|scriptstyle|limits)(?![A-Za-z])/g, ""],
  [/\\(?:left|right|bigl|bigr|Bigl|Bigr|big|Big)(?![A-Za-z])/g, ""],
  [/\\[dt]frac(?![A-Za-z])/g, "\\frac"],
  [/\\(?:!|,|;|:|quad|qquad)|~/g, " "],
  [/\\(?:mathbf|boldsymbol|operatorname)\{([^{}]*)\}/g, "$1"],
  [/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ\b|°/g, ""],
  [/\\\$|\\euro\b|€|£/g, ""],
  [/−|–/g, "-"],
  // Plain-text math as models write it: 2*sqrt(2), x**2, 2^(1/2), pi/2.
  [/\*\*/g, "^"],
  [/\^\s*\(([^()]*)\)/g, "^{$1}"],
  [/(?<![\\A-Za-z])(sqrt|sin|cos|tan|cot|sec|csc|ln|log|exp|arcsin|arccos|arctan|pi)(?![A-Za-z])/g, "\\$1"],
  [/(?<![\\A-Za-z])(?:infinity|infty|inf)(?![A-Za-z])|∞/g, "\\infty"],
  [/\\sqrt\s*\(([^()]*)\)/g, "\\sqrt{$1}"],
  [/π/g, "\\pi"],
  [/√\s*(\d+|[a-z])/g, "\\sqrt{$1}"],
  [/\\le\b|≤/g, "\\leq"],
  [/\\ge\b|≥/g, "\\geq"],
];

// A unit or word after the value: `5\text{ cm}`, `12 \mbox{ inches}`; only when something comes before it.
const TRAILING_UNIT = /(\S)\s*\\(?:text|mbox|textrm|mathrm)\{\s*[A-Za-z][A-Za-z. ]*\}\s*$/;
const THOUSANDS = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * The expression with its wrappers removed.
 * @example cleanLatex("\\displaystyle\\left(\\dfrac{3}{2}, -13\\right).") // "(\\frac{3}{2}, -13)"
 */
export function cleanLatex(latex: string): string {
  let text = latex;
  for (const [pattern, replacement] of REPLACEMENTS) text = text.replace(pattern, replacement);
  text = text.trim().replace(/[.\s]+$/, "");
  text = text.replace(TRAILING_UNIT, "$1").trim();
  if (THOUSANDS.test(text.replace(/\s+/g, ""))) text = text.replace(/[,\s]/g, "");
  return text;
}

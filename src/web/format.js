// How numbers read on the page; tests format expected values with the same rules.
const DASH = "—";
const integer = new Intl.NumberFormat("en-US");

/** 0.723 -> "72.3%"; null -> "—". */
export const pct = (x) => (x === null || x === undefined ? DASH : `${(x * 100).toFixed(1)}%`);

/** 0.08312 -> "0.083"; null -> "—". */
export const dec = (x, digits = 3) => (x === null || x === undefined ? DASH : x.toFixed(digits));

/** Signed, for rewards: 0.5 -> "+0.500", -1 -> "−1.000". */
export const signed = (x, digits = 3) => {
  if (x === null || x === undefined) return DASH;
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return text;
  return x > 0 ? `+${text}` : `−${text}`;
};

/** 12345 -> "12,345". */
export const int = (x) => (x === null || x === undefined ? DASH : integer.format(x));

/** ms since the epoch -> local "HH:MM:SS". */
export const clock = (ms) => new Date(ms).toLocaleTimeString("en-GB", { hour12: false });

/** Cuts long text for a table cell; the full text goes in a title attribute. */
export const cut = (text, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

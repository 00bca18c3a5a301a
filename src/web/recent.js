// Recent episodes from GET /history, with each question's text looked up once per task id.
import { api } from "./api.js";
import { h, replace } from "./dom.js";
import { clock, cut, int, signed } from "./format.js";

const questions = new Map(); // task_id -> question text, or a promise of it
const MAX_CACHED = 500;

/** /questions/{id} with each path segment encoded (ids contain slashes). */
const questionPath = (id) => `/questions/${id.split("/").map(encodeURIComponent).join("/")}`;

async function questionOf(id) {
  const known = questions.get(id);
  if (known !== undefined) return known;
  const pending = api(questionPath(id)).then(
    (q) => q.question,
    () => null,
  );
  questions.set(id, pending);
  const text = await pending;
  questions.set(id, text);
  if (questions.size > MAX_CACHED) questions.delete(questions.keys().next().value);
  return text;
}

/** What happened, in words and as a class for colour. */
export function verdictOf(record) {
  if (["missing_confidence", "missing_answer", "empty"].includes(record.format)) {
    return { text: `format: ${record.format.replace("_", " ")}`, cls: "format" };
  }
  if (record.abstained) return { text: "abstained", cls: "abstained" };
  return record.is_correct ? { text: "✓ right", cls: "right" } : { text: "✗ wrong", cls: "wrong" };
}

/** Renders a history page into the table body; questions fill in as they arrive. */
export function renderRecent(tbody, caption, page) {
  caption.textContent = `The ${int(page.items.length)} newest of ${int(page.total)} recorded episodes`;
  if (page.items.length === 0) {
    replace(tbody, h("tr", {}, h("td", { colspan: 7, class: "no-data" }, "No episodes yet")));
    return;
  }
  const rows = page.items.map((r) => {
    const verdict = verdictOf(r);
    const question = h("td", { class: "question" }, r.task_id);
    const row = h(
      "tr",
      { "data-episode": r.episode_id },
      h("td", { class: "time" }, clock(r.graded_at)),
      h("td", {}, r.domain, h("br"), h("span", { class: "muted" }, r.difficulty)),
      question,
      h("td", { class: "response", title: r.response }, h("code", {}, cut(r.response, 140))),
      h(
        "td",
        { class: `verdict ${verdict.cls}` },
        verdict.text,
        h("br"),
        h("span", { class: "muted" }, `gold: ${cut(r.true_answer, 40)}`),
      ),
      h("td", { class: "num" }, `${r.parsed_confidence}%`),
      h("td", { class: "num", "data-value": r.reward }, signed(r.reward)),
    );
    questionOf(r.task_id).then((text) => {
      if (text) {
        question.textContent = cut(text, 160);
        question.title = `${r.task_id}: ${text}`;
      }
    });
    return row;
  });
  replace(tbody, ...rows);
}

// Tiny DOM builders: every piece of text goes in as a text node, never as HTML.
const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return node;
}

/** An HTML element: h("td", { class: "num" }, "0.25"). Strings become text nodes. */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, same calling convention as h(). */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces an element's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  return fill(node, {}, children);
}

/** Shortcut for document.getElementById that fails loudly when the page and script disagree. */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`dashboard: no element #${id}`);
  return node;
}

let uid = 0;
/** A page-unique id for aria references. */
export function uniqueId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

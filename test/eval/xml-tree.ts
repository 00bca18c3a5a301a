// A small strict XML reader for tests: checks well-formedness and returns the element tree to query.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

/** Throws an Error naming the offset of the first well-formedness violation. */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const checkText = (text: string) => {
    for (let k = text.indexOf("&"); k >= 0; k = text.indexOf("&", k + 1)) {
      if (!ENTITY.test(text.slice(k))) fail(`bad entity ${JSON.stringify(text.slice(k, k + 10))}`);
    }
  };
  const after = (token: string, what: string): number => {
    const k = source.indexOf(token, i);
    return k < 0 ? fail(`unclosed ${what}`) : k + token.length;
  };
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(source[i] ?? "")) i++;
      if (source.startsWith("<?", i)) i = after("?>", "<?");
      else if (source.startsWith("<!--", i)) i = after("-->", "comment");
      else if (source.startsWith("<!DOCTYPE", i)) i = after(">", "doctype");
      else return;
    }
  };
  const element = (): XmlElement => {
    if (source[i] !== "<") fail("expected <");
    i++;
    const name = NAME.exec(source.slice(i))?.[0] ?? fail("bad element name");
    i += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const space = /^\s*/.exec(source.slice(i))![0].length;
      i += space;
      if (source.startsWith("/>", i)) {
        i += 2;
        return { name, attributes, children: [], text: "" };
      }
      if (source[i] === ">") {
        i++;
        break;
      }
      if (space === 0) fail("attributes must be separated by space");
      const attr = NAME.exec(source.slice(i))?.[0] ?? fail("bad attribute name");
      i += attr.length;
      if (source[i] !== "=") fail("attribute without =");
      const quote = source[i + 1];
      if (quote !== '"' && quote !== "'") fail("unquoted attribute value");
      const end = source.indexOf(quote as string, i + 2);
      if (end < 0) fail("unclosed attribute value");
      const value = source.slice(i + 2, end);
      if (value.includes("<")) fail("< in attribute value");
      checkText(value);
      if (Object.hasOwn(attributes, attr)) fail(`duplicate attribute ${attr}`);
      attributes[attr] = value;
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      const next = source.indexOf("<", i);
      if (next < 0) fail(`unclosed <${name}>`);
      const chunk = source.slice(i, next);
      checkText(chunk);
      text += chunk;
      i = next;
      if (source.startsWith("</", i)) {
        i += 2;
        const close = NAME.exec(source.slice(i))?.[0];
        if (close !== name) fail(`</${close}> closes <${name}>`);
        i += name.length;
        while (/\s/.test(source[i] ?? "")) i++;
        if (source[i] !== ">") fail("bad closing tag");
        i++;
        return { name, attributes, children, text };
      }
      if (source.startsWith("<!--", i)) {
        i = after("-->", "comment");
        continue;
      }
      children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i < source.length) fail("content after the root element");
  return root;
}

/** Every element of the tree (the root included) that matches. */
export function findAll(root: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (match(e)) out.push(e);
    for (const c of e.children) visit(c);
  };
  visit(root);
  return out;
}

/** Elements by tag name and, optionally, one class among their classes. */
export function byTag(root: XmlElement, tag: string, className?: string): XmlElement[] {
  return findAll(
    root,
    (e) =>
      e.name === tag &&
      (className === undefined || (e.attributes.class ?? "").split(/\s+/).includes(className)),
  );
}

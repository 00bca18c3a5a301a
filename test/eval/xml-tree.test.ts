import { describe, expect, it } from "vitest";
import { byTag, parseXml } from "./xml-tree.js";

// The checker that the report tests rely on must itself reject what is not well-formed.
describe("parseXml (test helper)", () => {
  it("accepts well-formed documents and returns the tree", () => {
    const root = parseXml(
      '<?xml version="1.0"?><svg a="1"><g><rect class="bin x"/></g><text>a &amp; b</text></svg>',
    );
    expect(root.name).toBe("svg");
    expect(byTag(root, "rect", "bin")).toHaveLength(1);
    expect(byTag(root, "text")[0]?.text).toBe("a &amp; b");
    expect(parseXml("<!DOCTYPE html>\n<html><body/></html>\n").name).toBe("html");
  });

  it.each([
    ["", /expected </],
    ["<a>", /unclosed <a>/],
    ["<a></b>", /closes <a>/],
    ["<a><b></a></b>", /closes <b>/],
    ["<a x=1/>", /unquoted/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ["<a>fish & chips</a>", /bad entity/],
    ["<a>&nbsp;</a>", /bad entity/],
    ['<a x="<"/>', /< in attribute/],
    ["<a/><b/>", /content after the root/],
    ["<?xml version='1.0'<a/>", /unclosed <\?/],
    ["<a><!-- x </a>", /unclosed comment/],
  ])("rejects %j", (source, message) => {
    expect(() => parseXml(source)).toThrow(message);
  });
});

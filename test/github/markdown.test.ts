import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeTableCell, inlineCode, markdownTable, toSingleLine } from "../../src/report/markdown";
import { gfmTableCells, readCodeSpan, unescapeTablePipes } from "./gfm";

const ZWSP = "\u200b";

// Inputs built from the pieces that attack Markdown, mixed with arbitrary Unicode.
const hostilePieces = [
  "<",
  ">",
  "<script>",
  "<img src=x onerror=alert(1)>",
  "@",
  "@octocat",
  "#",
  "#12",
  "GH-7",
  "gh-",
  "owner/repo#3",
  "|",
  "\\",
  "\\|",
  "`",
  "```",
  "~~~",
  "\n",
  "\r\n",
  "\t",
  "\u2028",
  "\u202e",
  "\u0000",
  "www.",
  "http://",
  "https://evil.test/x",
  "[",
  "]",
  "(",
  ")",
  "![a](b)",
  "[x](javascript:alert(1))",
  "&",
  "&lt;",
  "&#64;",
  "*",
  "_",
  "~",
  "$",
  "=",
  "-",
  "+",
  ".",
  "!",
  "1",
  "a",
  " ",
  "é",
  "😀",
];
const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...hostilePieces), maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 60 }),
);

/** Reverses escapeMarkdown as a GitHub renderer would: entities, backslash escapes, zero-width spaces. */
function renderedText(markdown: string): string {
  let out = "";
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i] as string;
    const next = markdown[i + 1];
    if (ch === "\\" && next !== undefined && /[!-/:-@[-`{-~]/.test(next)) {
      out += next;
      i++;
      continue;
    }
    const entity = /^&(amp|lt|gt);/.exec(markdown.slice(i));
    if (entity) {
      out += { amp: "&", lt: "<", gt: ">" }[entity[1] as "amp" | "lt" | "gt"];
      i += entity[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

const withoutZwsp = (text: string): string => text.split(ZWSP).join("");

function oddBackslashesBefore(text: string, index: number): boolean {
  let count = 0;
  for (let j = index - 1; j >= 0 && text[j] === "\\"; j--) count++;
  return count % 2 === 1;
}

describe("escapeMarkdown", () => {
  it("leaves no raw HTML: every < and > is an entity", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = escapeMarkdown(text);
        expect(out).not.toMatch(/[<>]/);
      }),
    );
  });

  it("leaves no @mention, #reference, GH- reference or autolink that GitHub would link", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        // GitHub links mentions and references in the rendered text, after escapes are resolved.
        const rendered = renderedText(escapeMarkdown(text));
        expect(rendered).not.toMatch(/@[A-Za-z0-9]/);
        expect(rendered).not.toMatch(/#[0-9]/);
        expect(rendered).not.toMatch(/gh-[0-9]/i);
        expect(rendered).not.toMatch(/:\/\//);
        expect(rendered).not.toMatch(/www\./i);
      }),
    );
  });

  it("keeps the output on one line", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(escapeMarkdown(text)).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
      }),
    );
  });

  it("backslash-escapes every Markdown special character", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = escapeMarkdown(text);
        for (let i = 0; i < out.length; i++) {
          if ("`*_[]()|~$!".includes(out[i] as string)) expect(oddBackslashesBefore(out, i)).toBe(true);
        }
      }),
    );
  });

  it("renders back to exactly the text that was typed, on one line", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(withoutZwsp(renderedText(escapeMarkdown(text)))).toBe(withoutZwsp(toSingleLine(text)));
      }),
    );
  });

  it("escapes a hostile contact name into inert text", () => {
    const out = escapeMarkdown("<b>Eve</b> @admin see #1 [click](https://evil.test) ![x](y.png) `rm` | a");
    expect(out).toContain("&lt;b&gt;Eve&lt;/b&gt;");
    expect(out).toContain("@" + ZWSP + "admin");
    expect(out).toContain("\\#" + ZWSP + "1");
    expect(out).toContain("\\[click\\]\\(https:" + ZWSP + "//evil\\.test\\)");
    expect(out).toContain("\\!\\[x\\]\\(y\\.png\\)");
    expect(out).toContain("\\`rm\\` \\| a");
  });

  it("drops bidi overrides and control characters", () => {
    expect(escapeMarkdown("ab\u202ecd\u0000e\u0007")).toBe("abcde");
  });
});

describe("escapeTableCell", () => {
  it("yields exactly one GFM cell, whatever the input", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const cell = escapeTableCell(text);
        expect(cell).not.toMatch(/[\r\n]/);
        expect(gfmTableCells(`| ${cell} |`)).toHaveLength(1);
        for (let i = 0; i < cell.length; i++) {
          if (cell[i] === "|") expect(oddBackslashesBefore(cell, i)).toBe(true);
        }
      }),
    );
  });

  it("renders the typed text back after the table removes pipe escapes", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const [cell] = gfmTableCells(`| ${escapeTableCell(text)} |`);
        expect(withoutZwsp(renderedText(unescapeTablePipes(cell ?? "")))).toBe(withoutZwsp(toSingleLine(text).trim()));
      }),
    );
  });
});

describe("inlineCode", () => {
  it("is one code span whose content is the text, verbatim", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const span = inlineCode(text);
        expect(span).not.toMatch(/[\r\n]/);
        const single = toSingleLine(text);
        expect(readCodeSpan(span)).toBe(single === "" ? " " : single);
      }),
    );
  });

  it("stays inside its table cell and shows the text verbatim there", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const cells = gfmTableCells(`| ${inlineCode(text, { inTable: true })} |`);
        expect(cells).toHaveLength(1);
        const content = readCodeSpan(unescapeTablePipes(cells[0] as string));
        const single = toSingleLine(text);
        expect(withoutZwsp(content)).toBe(single === "" ? " " : withoutZwsp(single));
      }),
    );
  });

  it("uses a fence longer than any backtick run in the text", () => {
    expect(inlineCode("a ``b`` c")).toBe("```a ``b`` c```");
    expect(inlineCode("`x`")).toBe("`` `x` ``");
  });
});

describe("markdownTable", () => {
  it("keeps every row at the header's number of cells, whatever the cells hold", () => {
    const cell = fc.oneof(
      hostileText,
      hostileText.map((code) => ({ code })),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(hostileText, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5 }),
        (headers, rawRows) => {
          const rows = rawRows.map((row) => row.slice(0, headers.length));
          const lines = markdownTable(headers, rows).trimEnd().split("\n");
          expect(lines).toHaveLength(rows.length + 2);
          for (const line of lines) expect(gfmTableCells(line)).toHaveLength(headers.length);
        },
      ),
    );
  });

  it("writes the header, the delimiter row with alignment, and the rows", () => {
    const table = markdownTable(
      ["Contact", "Rule"],
      [
        ["Ana | Co", { code: "inbound-fallback" }],
        ["@bob", { markdown: "**2** | 3" }],
      ],
      { align: ["left", "right"] },
    );
    expect(table.split("\n")).toEqual([
      "| Contact | Rule |",
      "| :--- | ---: |",
      "| Ana \\| Co | `inbound-fallback` |",
      `| @${ZWSP}bob | **2** \\| 3 |`,
      "",
    ]);
  });

  it("rejects a row with more cells than columns", () => {
    expect(() => markdownTable(["a"], [["1", "2"]])).toThrow(/row 0 has 2 cells for 1 columns/);
  });
});

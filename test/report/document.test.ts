import { describe, expect, it } from "vitest";
import {
  code,
  codeBlock,
  details,
  heading,
  list,
  paragraph,
  section,
  strong,
  table,
  type ReportDocument,
} from "../../src/report/doc";
import { fitMarkdown } from "../../src/report/fit";
import { renderMarkdown } from "../../src/report/render-markdown";
import { renderText } from "../../src/report/render-text";
import { HOSTILE_NAMES, markdownLeaks } from "./hostile";

const MARKER = "<!-- routeops:test -->";

/** Every kind of block, with a hostile name in every place text can go. */
function hostileDocument(name: string): ReportDocument {
  return {
    marker: MARKER,
    blocks: [
      heading(2, ["Report for ", name]),
      paragraph("Contact ", name, " at ", code(name), " is ", strong(name)),
      list([name, { text: [strong("rep "), name], children: [paragraph(name), list([code(name)])] }]),
      table(["Name", name], [[name, code(name)], [[strong(name), " and ", name]]]),
      details(["Details about ", name, code(name)], [paragraph(name), codeBlock(`${name}\n${name}`)]),
      section("s", 3, name, [paragraph(name)], { fold: true }),
    ],
  };
}

describe("report document: Markdown", () => {
  for (const name of HOSTILE_NAMES) {
    it(`makes ${JSON.stringify(name)} inert everywhere it goes`, () => {
      const markdown = renderMarkdown(hostileDocument(name));
      expect(markdownLeaks(markdown, MARKER)).toEqual([]);
    });
    it(`keeps ${JSON.stringify(name)} inert in a folded section`, () => {
      const markdown = renderMarkdown(hostileDocument(name), { folded: new Set(["s"]) });
      expect(markdown).toContain("<details><summary>");
      expect(markdownLeaks(markdown, MARKER)).toEqual([]);
    });
  }

  it("keeps a table row to one line and its cells apart", () => {
    const markdown = renderMarkdown({ blocks: [table(["A", "B"], [["x | y\nz", code("p|q")]])] });
    const lines = markdown.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("| x \\| y z | `p\\|q` |");
  });

  it("fences a code block longer than any backtick run in it", () => {
    const markdown = renderMarkdown({ blocks: [codeBlock("a ```` b", "mermaid")] });
    expect(markdown).toBe("`````mermaid\na ```` b\n`````\n");
  });
});

describe("report document: terminal text", () => {
  for (const name of HOSTILE_NAMES) {
    it(`shows ${JSON.stringify(name)} without control characters or line breaks of its own`, () => {
      const text = renderText(hostileDocument(name));
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
      expect(text).not.toContain(MARKER.slice(0, 4) + " routeops:test");
    });
  }

  it("aligns table columns and shows details in full", () => {
    const text = renderText({
      blocks: [
        table(
          ["Rep", "Share"],
          [
            ["Ana", "40%"],
            ["Bartholomew", "60%"],
          ],
          ["left", "right"],
        ),
        details("More", [paragraph("inside")]),
      ],
    });
    expect(text).toBe(
      [
        "Rep          Share",
        "-----------  -----",
        "Ana            40%",
        "Bartholomew    60%",
        "",
        "More:",
        "  inside",
        "",
      ].join("\n"),
    );
  });
});

describe("fitMarkdown", () => {
  const big = (id: string, lines: number, options: { fold?: boolean; omittable?: boolean }) =>
    section(id, 3, id, [list(Array.from({ length: lines }, (_, i) => `${id} line ${i} ${"x".repeat(60)}`))], options);

  it("returns the Markdown unchanged when it fits", () => {
    const document = { blocks: [big("a", 10, { fold: true })] };
    const fitted = fitMarkdown(document, { fullReportHint: "See the job summary." });
    expect(fitted).toMatchObject({
      markdown: renderMarkdown(document),
      shortened: false,
      omitted: [],
      truncated: false,
    });
  });

  it("folds, then leaves out the largest omittable sections, and keeps every essential line", () => {
    const document = {
      marker: MARKER,
      blocks: [
        big("changes", 400, {}),
        big("objects", 900, { fold: true, omittable: true }),
        big("graph", 300, { omittable: true }),
      ],
    };
    const fitted = fitMarkdown(document, { fullReportHint: "The full report is in the job summary." });
    expect(fitted.markdown.length).toBeLessThanOrEqual(65_536);
    expect(fitted.shortened).toBe(true);
    expect(fitted.omitted).toEqual(["objects"]);
    expect(fitted.truncated).toBe(false);
    for (let i = 0; i < 400; i++) expect(fitted.markdown).toContain(`changes line ${i} `);
    expect(fitted.markdown).toContain("The full report is in the job summary");
    expect(fitted.markdown.startsWith(`${MARKER}\n`)).toBe(true);
  });

  it("cuts the text with a note when even the essential sections do not fit", () => {
    const fitted = fitMarkdown({ blocks: [big("changes", 2000, {})] }, { fullReportHint: "See the artifact." });
    expect(fitted.truncated).toBe(true);
    expect(fitted.markdown.length).toBeLessThanOrEqual(65_536);
    expect(fitted.markdown).toContain("See the artifact");
  });
});

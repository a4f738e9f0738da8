/**
 * Text inside Mermaid labels. Labels are always written quoted; inside the quotes Mermaid still
 * reads `"`, `|` (edge labels), brackets, `#`, `;` and backticks, and GitHub renders HTML tags, so
 * all of them become Mermaid entity codes (`#quot;`, `#124;`...). Line breaks are ours to add.
 */

const ENTITY: Record<string, string> = {
  '"': "#quot;",
  "#": "#35;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "|": "#124;",
  "[": "#91;",
  "]": "#93;",
  "{": "#123;",
  "}": "#125;",
  "(": "#40;",
  ")": "#41;",
  "`": "#96;",
  ";": "#59;",
  "\\": "#92;",
};

/** One line of untrusted text, safe inside a quoted Mermaid label. */
export function mermaidText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
      .replace(/["#&<>|[\]{}()`;\\]/g, (ch) => ENTITY[ch] ?? ch)
  );
}

/** A quoted Mermaid label from lines of plain text (each escaped), joined with line breaks. */
export function mermaidLabel(lines: string[]): string {
  return `"${lines.map(mermaidText).join("<br/>")}"`;
}

/**
 * Just enough of cmark-gfm's table and code-span rules to check our Markdown output the way
 * GitHub reads it (table.c `row_from_string` / `unescape_pipes`, CommonMark code spans).
 */

const isAsciiPunctuation = (ch: string | undefined): boolean => ch !== undefined && /^[!-/:-@[-`{-~]$/.test(ch);
const trimSpaces = (text: string): string => text.replace(/^[ \t]+|[ \t]+$/g, "");

/** The cells of one table row, split where GFM splits them (an escaped pipe does not split). */
export function gfmTableCells(line: string): string[] {
  const row = trimSpaces(line);
  const cells: string[] = [];
  let i = row.startsWith("|") ? 1 : 0;
  let current = "";
  let open = false;
  while (i < row.length) {
    const ch = row[i] as string;
    if (ch === "\\" && isAsciiPunctuation(row[i + 1])) {
      current += ch + row[i + 1];
      i += 2;
      open = true;
    } else if (ch === "|") {
      cells.push(trimSpaces(current));
      current = "";
      open = false;
      i++;
    } else {
      current += ch;
      open = open || ch !== " ";
      i++;
    }
  }
  if (open) cells.push(trimSpaces(current));
  return cells;
}

/** What GFM does to a cell's text before reading its inlines: `\|` becomes `|`. */
export function unescapeTablePipes(cell: string): string {
  let out = "";
  for (let i = 0; i < cell.length; i++) {
    if (cell[i] === "\\" && cell[i + 1] === "|") i++;
    out += cell[i];
  }
  return out;
}

/** The content of a Markdown text that must be exactly one code span; throws otherwise. */
export function readCodeSpan(span: string): string {
  const opener = /^`+/.exec(span)?.[0];
  if (!opener) throw new Error(`not a code span: ${JSON.stringify(span)}`);
  const runs = /`+/g;
  runs.lastIndex = opener.length;
  let closing: RegExpExecArray | null;
  while ((closing = runs.exec(span)) && closing[0].length !== opener.length);
  if (!closing || closing.index + closing[0].length !== span.length) {
    throw new Error(`code span does not close at the end: ${JSON.stringify(span)}`);
  }
  const content = span.slice(opener.length, closing.index);
  const strip = content.length >= 2 && content.startsWith(" ") && content.endsWith(" ") && /[^ ]/.test(content);
  return strip ? content.slice(1, -1) : content;
}

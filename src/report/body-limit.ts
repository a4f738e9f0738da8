/**
 * GitHub rejects issue and comment bodies over 65,536 characters, and ignores a job summary over
 * 1 MiB. A report that does not fit is cut at a line break, any open code fence is closed so
 * the note stays readable, and a note says how much was left out.
 */

/** GitHub's limit for an issue or comment body, in characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** GitHub's limit for one step's job summary, in bytes of UTF-8. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** How a text is measured against its limit. */
export type SizeUnit = "characters" | "utf8-bytes";

export interface FitOptions {
  /** The limit, in `unit`s. */
  limit: number;
  unit?: SizeUnit;
  /** Where the reader finds the full report (a sentence), added to the note. */
  fullReportHint?: string;
}

export interface FittedText {
  text: string;
  truncated: boolean;
}

const encoder = new TextEncoder();

function measure(text: string, unit: SizeUnit): number {
  return unit === "characters" ? text.length : encoder.encode(text).length;
}

/** The fence a cut-off text leaves open (``` or ~~~ of some length), if any. */
function openFence(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split("\n")) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) continue;
    if (open === undefined) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  return open;
}

/** The longest prefix of `text` that measures at most `budget`, not splitting a surrogate pair. */
function prefixWithin(text: string, budget: number, unit: SizeUnit): string {
  let low = 0;
  let high = Math.min(text.length, budget);
  if (unit === "characters") low = high;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, middle), unit) <= budget) low = middle;
    else high = middle - 1;
  }
  let end = low;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** The text unchanged when it fits; otherwise cut, with a note, so that the result fits. */
export function fitToLimit(text: string, options: FitOptions): FittedText {
  const unit = options.unit ?? "characters";
  if (measure(text, unit) <= options.limit) return { text, truncated: false };
  const noteFor = (leftOut: number): string =>
    `\n\n---\n**Truncated by RouteOps:** ${leftOut.toLocaleString("en-US")} characters were left out ` +
    `because GitHub does not accept more than ${options.limit.toLocaleString("en-US")} ${
      unit === "characters" ? "characters" : "bytes"
    } here.${options.fullReportHint ? ` ${options.fullReportHint}` : ""}\n`;
  // Start with room for the longest note; a code fence left open by the cut is closed, so that
  // the note renders as text, and the cut moves back until everything fits.
  let budget = options.limit - measure(noteFor(text.length), unit);
  for (;;) {
    let kept = prefixWithin(text, Math.max(0, budget), unit);
    const lastBreak = kept.lastIndexOf("\n");
    if (lastBreak > kept.length * 0.9) kept = kept.slice(0, lastBreak);
    const fence = openFence(kept);
    const result = kept + (fence === undefined ? "" : `\n${fence}`) + noteFor(text.length - kept.length);
    const size = measure(result, unit);
    if (size <= options.limit || budget <= 0) return { text: result, truncated: true };
    budget -= size - options.limit;
  }
}

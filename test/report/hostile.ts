/**
 * Names and values that try to break out of a report: mentions that would notify people, issue
 * references, HTML, our own hidden markers, table and code fences, terminal escapes.
 */
export const HOSTILE_NAMES: readonly string[] = [
  "@octocat",
  "@acme/sales-leadership",
  "Ping @everyone please",
  "Fixes #123",
  "acme/routing#1",
  "GH-42",
  "<!-- routeops:pr-report -->",
  "<!-- routeops:audit -->",
  "<img src=x onerror=alert(1)>",
  "</summary></details><script>alert(1)</script>",
  "| **bold** | cell |",
  "`code` ``` fence",
  "\n# Heading\n- list",
  "[click](https://evil.test)",
  "www.evil.test",
  "\u001b[31mred\u001b[0m",
  "Ren\u202eéé\u202c",
  "&lt;b&gt; &#64;octocat",
  "\\@octocat",
];

/** The tags our Markdown renderer writes itself; any other `<` in Markdown output is a leak. */
export const OWN_TAGS = /<\/?(details|summary|b|i|code)>/g;

/** What must never appear in Markdown that GitHub renders from a report built of hostile names. */
export function markdownLeaks(markdown: string, ownMarker?: string): string[] {
  const leaks: string[] = [];
  let body = markdown;
  if (ownMarker !== undefined) {
    if (!body.startsWith(`${ownMarker}\n`)) leaks.push("the report's own marker is not on its first line");
    body = body.slice(ownMarker.length + 1);
  }
  if (body.includes("<!--")) leaks.push("an HTML comment (a fake marker)");
  // GitHub links nothing inside code spans and blocks; markers there still count (found by text).
  const prose = body.replace(/(`+)[\s\S]*?\1/g, " ").replace(/\\@/g, "@");
  const mention = /(^|[^\w])@[A-Za-z0-9]/m.exec(prose);
  if (mention) leaks.push(`a mention near ${JSON.stringify(prose.slice(mention.index, mention.index + 20))}`);
  if (/(^|[^\w&])#[0-9]/m.test(prose)) leaks.push("an issue reference");
  if (/gh-[0-9]/i.test(prose)) leaks.push("a GH- reference");
  if (prose.replace(OWN_TAGS, "").includes("<")) leaks.push("raw HTML outside code");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]/.test(body)) leaks.push("a control character");
  return leaks;
}

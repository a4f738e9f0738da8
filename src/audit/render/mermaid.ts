/**
 * Mermaid charts, which GitHub renders from ```mermaid blocks. Labels can come from contacts'
 * data (an original-source drill-down is often a campaign or page name), and Mermaid has its own
 * syntax and HTML labels, so every label is reduced to a small safe alphabet first.
 */

/** Letters, digits, space and `_ . / -` only; at most 40 characters; never empty. */
export function mermaidLabel(text: string): string {
  const safe = text
    .normalize("NFKD")
    .replace(/\s+/g, " ")
    .replace(/[^A-Za-z0-9 _./-]/g, "")
    .replace(/ +/g, " ")
    .trim()
    .slice(0, 40)
    .trim();
  return safe === "" ? "unnamed" : safe;
}

/** A vertical bar chart, one bar per category. */
export function barChart(title: string, categories: string[], values: number[], yLabel: string): string {
  const max = Math.max(1, ...values);
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${mermaidLabel(title)}"`,
    `  x-axis [${categories.map((category) => `"${mermaidLabel(category)}"`).join(", ")}]`,
    `  y-axis "${mermaidLabel(yLabel)}" 0 --> ${max}`,
    `  bar [${values.join(", ")}]`,
    "```",
    "",
  ].join("\n");
}

/** A pie chart with the counts shown; slices with nothing are left out. */
export function pieChart(title: string, slices: { label: string; value: number }[]): string {
  const lines = ["```mermaid", `pie showData title ${mermaidLabel(title)}`];
  const seen = new Map<string, number>();
  for (const slice of slices) {
    if (slice.value <= 0) continue;
    // Two labels can reduce to the same text; Mermaid would merge them, so number the repeats.
    let label = mermaidLabel(slice.label);
    const repeat = seen.get(label) ?? 0;
    seen.set(label, repeat + 1);
    if (repeat > 0) label = `${label} ${repeat + 1}`;
    lines.push(`  "${label}" : ${slice.value}`);
  }
  lines.push("```", "");
  return lines.join("\n");
}

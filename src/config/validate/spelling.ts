/** Suggestions for misspelt names, so that a typo reads as one. */

/**
 * The allowed name closest to a misspelt one, when it is close enough to be a typo: by default
 * one edit per three characters (at least one).
 */
export function closest(
  word: string,
  candidates: string[],
  maxDistance = Math.max(1, Math.floor(word.length / 3)),
): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= maxDistance ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** "did you mean" for a misspelt name, else the list of names that exist (shortened when long). */
export function expectedNames(value: string, names: readonly string[], noun: string): string {
  const hint = closest(value, [...names]);
  if (hint !== undefined) return `did you mean "${hint}"?`;
  if (names.length === 0) return `no ${noun} is defined`;
  const shown = names.slice(0, 12).join(", ");
  return `expected one of: ${shown}${names.length > 12 ? `, ... (${names.length - 12} more)` : ""}`;
}

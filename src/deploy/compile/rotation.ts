/**
 * Weights as a plain round-robin list. HubSpot's rotation takes turns through a list of owners, so
 * one cycle of smooth weighted round robin (weights divided by their common divisor) gives the
 * same spread as the engine: weights 2 and 1 become [A, B, A], which cycles as A B A A B A.
 */

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function rotationList<T>(members: readonly { item: T; weight: number }[]): T[] {
  if (members.length === 0) return [];
  const divisor = members.reduce((acc, member) => gcd(acc, member.weight), 0) || 1;
  const weights = members.map((member) => member.weight / divisor);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const current = weights.map(() => 0);
  const out: T[] = [];
  for (let turn = 0; turn < total; turn++) {
    let best = 0;
    weights.forEach((weight, index) => {
      current[index] = (current[index] as number) + weight;
      if ((current[index] as number) > (current[best] as number)) best = index;
    });
    current[best] = (current[best] as number) - total;
    out.push((members[best] as { item: T }).item);
  }
  return out;
}

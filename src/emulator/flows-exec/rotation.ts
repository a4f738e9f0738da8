/**
 * Where each rotate-to-owner action stands. HubSpot keeps one position per rotate action (not per
 * team or per list of owners): two actions that list the same owners take turns independently.
 */

/** Rotation positions of a portal, by flow and action id. */
export class RotationPositions {
  private readonly positions = new Map<string, number>();

  /** The index to hand out now for this action (over a list of `length` owners), and advances it. */
  take(flowId: string, actionId: string, length: number): number {
    const key = `${flowId}/${actionId}`;
    const position = this.positions.get(key) ?? 0;
    this.positions.set(key, position + 1);
    return position % length;
  }

  /** How many times each action rotated, keyed `flowId/actionId` (for tests and the run log endpoint). */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.positions);
  }

  clear(): void {
    this.positions.clear();
  }
}

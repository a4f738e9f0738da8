/**
 * Where each rotate-to-owner action stands. HubSpot keeps one position per rotate action (not per
 * team or per list of owners): two actions that list the same owners take turns independently.
 * The positions go into the emulator's state file, so a restarted emulator continues each rotation.
 */

/** Rotation positions of a portal, by flow and action id. */
export class RotationPositions {
  private readonly positions = new Map<string, number>();
  /** Turns handed out since this object was made (never reset): tells the server the state moved. */
  private turns = 0;

  /** Starts from saved positions (a state file's), keyed `flowId/actionId`. */
  constructor(saved: Record<string, number> = {}) {
    for (const [key, position] of Object.entries(saved)) this.positions.set(key, position);
  }

  /** The index to hand out now for this action (over a list of `length` owners), and advances it. */
  take(flowId: string, actionId: string, length: number): number {
    const key = `${flowId}/${actionId}`;
    const position = this.positions.get(key) ?? 0;
    this.positions.set(key, position + 1);
    this.turns += 1;
    return position % length;
  }

  /** How many times each action rotated, keyed `flowId/actionId` (for tests and the run log endpoint). */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.positions);
  }

  /** Turns handed out so far; it only grows. */
  get turnsTaken(): number {
    return this.turns;
  }

  clear(): void {
    this.positions.clear();
  }
}

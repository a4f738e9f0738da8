/**
 * Re-engagement: an inbound lead whose contact a rep touched by outbound within the lookback.
 * The most recent qualifying touch names the original rep (after replacements).
 */
import { emailKey, type CompiledRep, type CompiledRouting } from "./compile";
import { describeResolution } from "./outcome";
import { instantText, isInstant } from "./time-zone";
import type { OutboundTouch, TraceStep } from "./types";

/** The touch that makes a lead a re-engagement, and the rep who now holds the relationship. */
export interface OriginalTouch {
  touch: OutboundTouch;
  /** The active rep at the end of the touch owner's replacement chain. */
  rep: CompiledRep;
}

/**
 * The most recent touch (latest `at`; on a tie, the later one in the list) whose kind counts,
 * whose owner is a rep in the config, and that happened within the lookback and not after the
 * event. Null when there is none.
 */
export function findOriginalTouch(
  compiled: CompiledRouting,
  history: readonly OutboundTouch[] | undefined,
  at: number,
  trace: TraceStep[] | null,
): OriginalTouch | null {
  const { lookbackMs, touchKinds } = compiled.reengagement;
  const earliest = at - lookbackMs;
  let best: OutboundTouch | null = null;
  let bestRep: CompiledRep | null = null;
  const ignored = { kind: 0, owner: 0, old: 0, later: 0 };
  const touches = Array.isArray(history) ? history : [];
  for (const touch of touches) {
    if (typeof touch !== "object" || touch === null) continue;
    if (!touchKinds.has(touch.kind)) {
      ignored.kind++;
      continue;
    }
    const rep = typeof touch.owner === "string" ? compiled.replacements.get(emailKey(touch.owner)) : undefined;
    if (!rep) {
      ignored.owner++;
      continue;
    }
    const when = touch.at;
    if (!isInstant(when) || !(when <= at)) {
      ignored.later++;
      continue;
    }
    if (!(when >= earliest)) {
      ignored.old++;
      continue;
    }
    if (best === null || when >= best.at) {
      best = touch;
      bestRep = rep;
    }
  }
  if (trace) {
    const days = Math.round(lookbackMs / 86_400_000);
    const notes = [
      ignored.old ? `${ignored.old} older than ${days} days` : "",
      ignored.owner ? `${ignored.owner} by someone who is no rep` : "",
      ignored.kind ? `${ignored.kind} of a kind that does not count` : "",
      ignored.later ? `${ignored.later} after the event (or with no valid time)` : "",
    ].filter(Boolean);
    const ignoredText = notes.length ? ` (ignored: ${notes.join(", ")})` : "";
    if (best && bestRep) {
      const when = instantText(best.at);
      const original = describeResolution(best.owner, bestRep.email, bestRep);
      trace.push({
        stage: "reengagement",
        id: "outbound-history",
        matched: true,
        reason: `most recent outbound touch: ${best.kind} by ${best.owner.trim()} at ${when} → original rep ${original}${ignoredText}`,
      });
    } else {
      const reason = touches.length
        ? `no outbound touch by a rep within the last ${days} days${ignoredText}`
        : "no outbound history";
      trace.push({ stage: "reengagement", id: "outbound-history", matched: false, reason });
    }
  }
  return best && bestRep ? { touch: best, rep: bestRep } : null;
}

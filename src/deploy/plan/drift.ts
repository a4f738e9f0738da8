/**
 * Drift: managed objects changed outside RouteOps. A managed description records the config
 * version and a digest of what RouteOps wrote; content that no longer matches the digest was
 * edited in HubSpot. The audit reports these in the same words.
 */
import { parseMarker } from "../canonical/marker";
import type { Drift, FieldChange, ObjectKind } from "./types";

/** The drift of a managed object whose live content has `liveDigest`, or null when there is none. */
export function contentDrift(
  kind: ObjectKind,
  key: string,
  description: string | undefined,
  liveDigest: string,
  desiredVersion: string,
  changes: FieldChange[],
): Drift | null {
  const marker = parseMarker(description);
  if (!marker || marker.digest === liveDigest) return null;
  return {
    kind,
    key,
    drift: "changed",
    // Only when the current config deployed it do the differences say what was changed by hand.
    fields:
      marker.version === desiredVersion
        ? changes.map((c) => c.path).filter((p) => p !== "description" && p !== "isEnabled")
        : [],
    deployedVersion: marker.version,
  };
}

const KIND_WORDS: Record<ObjectKind, string> = { group: "property group", property: "property", flow: "workflow" };

/** One sentence: `workflow "RouteOps: inbound routing" was disabled outside RouteOps`. */
export function describeDrift(drift: Drift): string {
  const name = drift.kind === "flow" ? `"${drift.key}"` : drift.key;
  const what = `${KIND_WORDS[drift.kind]} ${name}`;
  switch (drift.drift) {
    case "disabled":
      return `${what} was disabled outside RouteOps`;
    case "archived":
      return `${what} was archived outside RouteOps`;
    case "changed":
      return `${what} was changed outside RouteOps${drift.fields.length > 0 ? ` (${drift.fields.join(", ")})` : ""}`;
  }
}

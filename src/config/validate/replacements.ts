/**
 * Replacement chains: an inactive rep's leads go to `replacedBy`, then to theirs, until an active
 * rep. A chain that loops, stops at an inactive rep or names nobody loses those leads.
 */
import type { RoutingDirectory } from "./directory";
import { error, warning, type Finding } from "./finding";
import { element } from "./path";

/** Reports cycles, dead ends and pointless `replacedBy` in the reps' replacement chains. */
export function checkReplacements(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  dir.config.reps.forEach((rep, i) => {
    const at = ["reps", element(rep, i)];
    if (rep.active !== false) {
      if (rep.replacedBy !== undefined) {
        findings.push(
          warning(
            "replacement_on_active_rep",
            [...at, "replacedBy"],
            `${rep.email} is active, so replacedBy "${rep.replacedBy}" is never used; set active: false when the rep leaves, or remove replacedBy`,
          ),
        );
      }
      return;
    }
    if (rep.replacedBy === undefined) {
      findings.push(
        warning(
          "missing_replacement",
          [...at, "active"],
          `${rep.email} is inactive and has no replacedBy: leads addressed to them (account owner, sequence owner, caller, original rep) have no active rep to go to`,
        ),
      );
      return;
    }
    const end = dir.replacementOf(rep);
    const chain = (emails: string[]) => emails.join(" -> ");
    switch (end.kind) {
      case "cycle":
        findings.push(
          error(
            "replacement_cycle",
            [...at, "replacedBy"],
            `replacement chain loops (${chain(end.chain)}): it must end at an active rep`,
          ),
        );
        break;
      case "inactive":
        findings.push(
          error(
            "replacement_ends_inactive",
            [...at, "replacedBy"],
            `replacement chain ${chain(end.chain)} ends at ${end.rep.email}, who is inactive and has no replacedBy: it must end at an active rep`,
          ),
        );
        break;
      case "unknown":
        // The rep's own unknown replacedBy is already an unknown_rep; report only longer chains here.
        if (end.chain.length > 1) {
          findings.push(
            error(
              "replacement_ends_unknown",
              [...at, "replacedBy"],
              `replacement chain ${chain(end.chain)} ends at "${end.email}", who is not a rep in this config`,
            ),
          );
        }
        break;
      case "active":
        break;
    }
  });
  return findings;
}

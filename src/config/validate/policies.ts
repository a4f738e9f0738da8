/** Numbers that must make sense: SLA amounts, re-engagement lookback and attribution split. */
import type { RoutingDirectory } from "./directory";
import { error, type Finding } from "./finding";
import { element } from "./path";

/** Reports SLA amounts that are not positive, a lookback that is not a positive whole number of days, and attribution that does not add up to 100. */
export function checkPolicies(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  dir.config.slaPolicies.forEach((policy, i) => {
    const target = policy.target;
    if (target.unit === "end_of_business_day") return;
    if (!(Number.isFinite(target.amount) && target.amount > 0)) {
      findings.push(
        error(
          "invalid_sla_amount",
          ["slaPolicies", element(policy, i), "target", "amount"],
          `SLA amount ${target.amount} is not positive: an SLA target is a positive number of ${target.unit.replace("_", " ")}`,
        ),
      );
    }
  });
  const reengagement = dir.config.reengagement;
  if (!(Number.isInteger(reengagement.lookbackDays) && reengagement.lookbackDays > 0)) {
    findings.push(
      error(
        "invalid_lookback_days",
        ["reengagement", "lookbackDays"],
        `lookbackDays ${reengagement.lookbackDays} is not a positive whole number of days`,
      ),
    );
  }
  const { originalRep, handler } = reengagement.attribution;
  if (originalRep < 0 || handler < 0 || originalRep + handler !== 100) {
    findings.push(
      error(
        "attribution_not_100",
        ["reengagement", "attribution"],
        `attribution is ${originalRep}% original rep + ${handler}% handler = ${originalRep + handler}%: the two shares must be 0 or more and add up to 100`,
      ),
    );
  }
  return findings;
}

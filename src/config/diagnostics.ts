/**
 * A finding about a routing config: what `routeops validate` prints, and what every command that
 * loads the config (test, plan, deploy, audit, simulate) reports before refusing to go on.
 */

/** `error` stops the command (exit code 1); `warning` is printed but passes. */
export type Severity = "error" | "warning";

/** One finding, with where it is in the config and, once located, in the source files. */
export interface Diagnostic {
  /** Stable snake_case identifier of the check, for example `unknown_rep`. Documented in docs/validate.md. */
  code: string;
  severity: Severity;
  /** For people: what is wrong and what was expected. */
  message: string;
  /**
   * Where in the config, with ids for elements that have one:
   * `pools.inbound-ae-emea.members[1].rep`, `reps.ivan.petrov@acme.test.replacedBy`.
   */
  path: string;
  /** Source file, relative to the working directory. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  column?: number;
}

/** Number of errors and warnings in a list of diagnostics. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

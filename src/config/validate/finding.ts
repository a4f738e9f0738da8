import type { Diagnostic, Severity } from "../diagnostics";
import { renderPath, type PathSegment } from "./path";

/** A diagnostic before it is located in the source files: it keeps its path as segments. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  at: PathSegment[];
}

/** An error finding. */
export function error(code: string, at: PathSegment[], message: string): Finding {
  return { code, severity: "error", message, at };
}

/** A warning finding. */
export function warning(code: string, at: PathSegment[], message: string): Finding {
  return { code, severity: "warning", message, at };
}

/** The finding as a diagnostic without a source location. */
export function toDiagnostic(finding: Finding): Diagnostic {
  return { code: finding.code, severity: finding.severity, message: finding.message, path: renderPath(finding.at) };
}

/** `"a", "b" and "c"`: a list of names in a message. */
export function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/**
 * Renderings of diagnostics: lines for people, one JSON envelope for machines, and GitHub
 * workflow-command annotations for pull requests. Pure strings; the CLI writes them. Shared by
 * `routeops validate` and `routeops test`.
 */
import { countDiagnostics, type Diagnostic } from "../config/diagnostics";

/** Errors first, then warnings; the order within each is kept. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics.filter((d) => d.severity === "error"), ...diagnostics.filter((d) => d.severity !== "error")];
}

/** `2 errors, 1 warning`. */
export function diagnosticsSummary(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  return `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`;
}

/** One diagnostic as a line: `file:line error path: message [code]`. */
export function formatDiagnosticLine(d: Diagnostic): string {
  const location = d.file === undefined ? "" : d.line === undefined ? `${d.file} ` : `${d.file}:${d.line} `;
  const where = d.path === "" ? "" : ` ${d.path}`;
  return `${location}${d.severity}${where}: ${d.message} [${d.code}]`;
}

/** Text for people: one line per diagnostic, errors then warnings, then the summary line. */
export function formatDiagnosticsText(diagnostics: readonly Diagnostic[]): string {
  const lines = sortDiagnostics(diagnostics).map(formatDiagnosticLine);
  lines.push(diagnosticsSummary(diagnostics));
  return lines.join("\n") + "\n";
}

/** The JSON envelope of `--format json`. */
export interface DiagnosticsEnvelope {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

/** Builds the JSON envelope (diagnostics sorted errors first). */
export function diagnosticsEnvelope(diagnostics: readonly Diagnostic[]): DiagnosticsEnvelope {
  const { errors, warnings } = countDiagnostics(diagnostics);
  return { ok: errors === 0, errors, warnings, diagnostics: sortDiagnostics(diagnostics) };
}

/** The JSON envelope as text, one document ending in a newline. */
export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnosticsEnvelope(diagnostics), null, 2) + "\n";
}

/** One GitHub Actions annotation. */
export interface GithubAnnotation {
  severity: "error" | "warning" | "notice";
  message: string;
  file?: string;
  line?: number;
  column?: number;
  title?: string;
}

/** Escapes the message of a workflow command (GitHub's rules: `%`, CR and LF). */
export function escapeGithubData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value of a workflow command (the data rules plus `:` and `,`). */
export function escapeGithubProperty(value: string): string {
  return escapeGithubData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::error file=...,line=...,title=...::message`. */
export function formatGithubAnnotation(annotation: GithubAnnotation): string {
  const properties: string[] = [];
  if (annotation.file !== undefined) properties.push(`file=${escapeGithubProperty(annotation.file)}`);
  if (annotation.line !== undefined) properties.push(`line=${annotation.line}`);
  if (annotation.column !== undefined) properties.push(`col=${annotation.column}`);
  if (annotation.title !== undefined) properties.push(`title=${escapeGithubProperty(annotation.title)}`);
  const head = properties.length ? `${annotation.severity} ${properties.join(",")}` : annotation.severity;
  return `::${head}::${escapeGithubData(annotation.message)}`;
}

/** Annotations for every diagnostic (errors first), one per line. */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[]): string {
  const lines = sortDiagnostics(diagnostics).map((d) =>
    formatGithubAnnotation({
      severity: d.severity,
      message: d.path === "" ? d.message : `${d.path}: ${d.message}`,
      title: `RouteOps ${d.code}`,
      ...(d.file !== undefined ? { file: d.file } : {}),
      ...(d.line !== undefined ? { line: d.line } : {}),
      ...(d.column !== undefined ? { column: d.column } : {}),
    }),
  );
  return lines.length ? lines.join("\n") + "\n" : "";
}

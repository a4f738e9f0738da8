/**
 * The shape check: zod first, and every zod issue becomes an `invalid_shape` finding whose path
 * names elements by id and whose message says what was expected in words.
 */
import { z } from "zod";
import { routingSchema } from "../schema";
import type { RoutingConfig } from "../types";
import { error, type Finding } from "./finding";
import { segmentsOf } from "./path";
import { closest } from "./spelling";

type Issue = z.core.$ZodIssue;

/** Runs the zod schema; the config is returned only when its shape is right. */
export function checkShape(input: unknown): { config?: RoutingConfig; findings: Finding[] } {
  // jitless: zod's compiled fast path pays off over many parses; a config is parsed once per load,
  // and compiling it cost more than the whole parse (~40 ms of a ~0.3 s `routeops validate`).
  const result = routingSchema.safeParse(input, { reportInput: true, jitless: true });
  if (result.success) return { config: result.data as RoutingConfig, findings: [] };
  const findings: Finding[] = [];
  for (const issue of result.error.issues) findings.push(...issueFindings(input, issue, []));
  return { findings };
}

function issueFindings(root: unknown, issue: Issue, prefix: PropertyKey[]): Finding[] {
  const path = [...prefix, ...issue.path];
  const at = (extra: PropertyKey[] = []) => segmentsOf(root, [...path, ...extra]);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return [error("invalid_shape", at(), `missing: expected ${expectedType(issue)}`)];
      return [error("invalid_shape", at(), `expected ${expectedType(issue)}, got ${describeValue(issue.input)}`)];
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const allowed = allowedKeys(path);
        const hint = closest(key, allowed);
        const expected = allowed.length ? `; expected one of: ${allowed.join(", ")}` : "";
        return error(
          "invalid_shape",
          at([key]),
          `unknown property "${key}"${hint ? ` (did you mean "${hint}"?)` : ""}${expected}`,
        );
      });
    case "invalid_value":
      return [
        error(
          "invalid_shape",
          at(),
          `expected ${oneOf(issue.values.map((v) => JSON.stringify(v)))}, got ${describeValue(issue.input)}`,
        ),
      ];
    case "too_small":
      return [error("invalid_shape", at(), tooSmall(issue))];
    case "invalid_union":
      return unionFindings(root, issue, path);
    default:
      return [error("invalid_shape", at(), issue.message)];
  }
}

/**
 * A union failed. Keep the branches whose discriminator (a literal `type` or `unit`, or the
 * value's own kind) fits the input: with one left, its issues are the precise story; with none or
 * several, say which alternatives exist.
 */
function unionFindings(root: unknown, issue: Issue & { code: "invalid_union" }, path: PropertyKey[]): Finding[] {
  const fitting = issue.errors.filter((branch) => !branch.some(isDiscriminatorMismatch));
  if (fitting.length === 1) return fitting[0]!.flatMap((branchIssue) => issueFindings(root, branchIssue, path));
  const at = segmentsOf(root, path);
  if (fitting.length === 0) {
    const discriminators = new Map<string, string[]>();
    for (const branch of issue.errors) {
      for (const i of branch) {
        if (i.code === "invalid_value" && i.path.length === 1 && i.values.length === 1) {
          const key = String(i.path[0]);
          discriminators.set(key, [...(discriminators.get(key) ?? []), JSON.stringify(i.values[0])]);
        }
      }
    }
    const [key, values] = [...discriminators.entries()][0] ?? [];
    if (key !== undefined && values !== undefined) {
      const input = (issue.input as Record<string, unknown> | undefined)?.[key];
      return [
        error(
          "invalid_shape",
          segmentsOf(root, [...path, key]),
          `expected ${oneOf([...new Set(values)])}, got ${describeValue(input)}`,
        ),
      ];
    }
  }
  if (fitting.length === 0) {
    // Every branch rejects the value's kind itself (a string where an object is expected...).
    const kinds = issue.errors.map((branch) => branch.find((i) => i.path.length === 0)).map(expectedKind);
    if (kinds.every((k) => k !== undefined)) {
      return [error("invalid_shape", at, `expected ${kinds.join(", or ")}, got ${describeValue(issue.input)}`)];
    }
  }
  const alternatives = (fitting.length ? fitting : issue.errors).map((branch) =>
    branch.map(describeIssue).join(" and "),
  );
  return [error("invalid_shape", at, `does not fit any allowed form: either ${alternatives.join(", or ")}`)];
}

function isDiscriminatorMismatch(issue: Issue): boolean {
  if (issue.path.length === 0) return issue.code === "invalid_type" || issue.code === "invalid_value";
  return issue.path.length === 1 && issue.code === "invalid_value" && issue.values.length === 1;
}

function expectedKind(issue: Issue | undefined): string | undefined {
  if (issue?.code === "invalid_type") return expectedType(issue);
  if (issue?.code === "invalid_value") return oneOf(issue.values.map((v) => JSON.stringify(v)));
  return undefined;
}

function describeIssue(issue: Issue): string {
  const where = issue.path.length ? `"${issue.path.join(".")}" ` : "";
  if (issue.code === "invalid_type") {
    return issue.input === undefined
      ? `${where}is required (${expectedType(issue)})`
      : `${where}must be ${expectedType(issue)}`;
  }
  if (issue.code === "invalid_value") return `${where}must be ${oneOf(issue.values.map((v) => JSON.stringify(v)))}`;
  if (issue.code === "unrecognized_keys") return `no property ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  return `${where}${issue.message}`;
}

function expectedType(issue: Issue & { code: "invalid_type" }): string {
  switch (issue.expected) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list (array)";
    case "object":
      return "an object";
    case "record":
      return "an object of key-value pairs";
    case "null":
      return "null";
    default:
      return issue.expected;
  }
}

function tooSmall(issue: Issue & { code: "too_small" }): string {
  const min = Number(issue.minimum);
  if (issue.origin === "string") return min <= 1 ? "must not be empty" : `must have at least ${min} characters`;
  if (issue.origin === "array") return `must have at least ${min} item${min === 1 ? "" : "s"}`;
  return `must be at least ${min}`;
}

/** Describes an input value briefly, for "got ..." in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

function oneOf(values: string[]): string {
  if (values.length <= 1) return values.join("");
  return `one of ${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/** The property names the schema allows at a path, for "expected one of" and "did you mean". */
function allowedKeys(path: PropertyKey[]): string[] {
  let schemas: z.ZodType[] = [routingSchema];
  for (const key of path) {
    schemas = schemas.flatMap((schema) => childSchemas(schema, key));
  }
  const keys = new Set<string>();
  for (const schema of schemas.flatMap(unwrapSchema)) {
    if (schema instanceof z.ZodObject) Object.keys(schema.shape).forEach((k) => keys.add(k));
    else if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) {
      schema.keyType.options.forEach((k) => keys.add(String(k)));
    }
  }
  return [...keys];
}

function unwrapSchema(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return unwrapSchema(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(unwrapSchema);
  return [schema];
}

function childSchemas(schema: z.ZodType, key: PropertyKey): z.ZodType[] {
  return unwrapSchema(schema).flatMap((s): z.ZodType[] => {
    if (s instanceof z.ZodArray && typeof key === "number") return [s.element as z.ZodType];
    if (s instanceof z.ZodObject && typeof key === "string" && key in s.shape) return [s.shape[key] as z.ZodType];
    if (s instanceof z.ZodRecord && typeof key === "string") return [s.valueType as z.ZodType];
    return [];
  });
}

// Broken copies of the reference organisation: each test changes one thing and expects exactly
// the findings that change causes.
import reference from "../reference/routing";
import type { RoutingConfig } from "../../src/config";
import { validateRouting, type ValidateOptions } from "../../src/config/validate";

/** A fresh deep copy of the reference config. */
export function referenceCopy(): RoutingConfig {
  return structuredClone(reference);
}

/** `[code, severity, path]` of every finding after `mutate` changed a copy of the reference config. */
export function findingsAfter(
  mutate: (config: RoutingConfig) => void,
  options: ValidateOptions = {},
): [string, string, string][] {
  const config = referenceCopy();
  mutate(config);
  return validateRouting(config, options).diagnostics.map((d) => [d.code, d.severity, d.path]);
}

/** The messages of every finding after `mutate`. */
export function messagesAfter(mutate: (config: RoutingConfig) => void): string[] {
  const config = referenceCopy();
  mutate(config);
  return validateRouting(config).diagnostics.map((d) => d.message);
}

/** Finds an element by id in a collection (the test fails loudly when it is missing). */
export function byId<T extends { id: string }>(items: T[], id: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no element with id ${id}`);
  return found;
}

/** An inbound or outbound rule of the reference config, by id. */
export function rule(config: RoutingConfig, id: string) {
  return byId([...config.systems.inbound.rules, ...config.systems.outbound.rules], id);
}

/** A rep of the reference config, by email. */
export function rep(config: RoutingConfig, email: string) {
  const found = config.reps.find((r) => r.email === email);
  if (!found) throw new Error(`no rep ${email}`);
  return found;
}

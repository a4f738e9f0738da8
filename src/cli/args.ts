/** How every command reads its argv: node's parseArgs, strict, with its mistakes as usage errors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { DeployMode } from "../config/types";
import { closest } from "../config/validate/spelling";
import { UsageError } from "./io";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** The config every command gives parseArgs; only the options and whether positionals are allowed differ. */
interface CommandArgsConfig<O extends OptionsConfig, P extends boolean> {
  args: string[];
  strict: true;
  allowPositionals: P;
  options: O;
}

/** parseArgs' own result type for that config: each option typed, positionals `[]` unless allowed. */
export type CommandArgs<O extends OptionsConfig, P extends boolean = false> = ReturnType<
  typeof parseArgs<CommandArgsConfig<O, P>>
>;

/** Parses `argv` against `options`; an unknown flag, a missing value or a stray positional is a UsageError. */
export function parseCommandArgs<O extends OptionsConfig>(argv: string[], options: O): CommandArgs<O>;
export function parseCommandArgs<O extends OptionsConfig>(
  argv: string[],
  options: O,
  settings: { positionals: true },
): CommandArgs<O, true>;
export function parseCommandArgs<O extends OptionsConfig>(
  argv: string[],
  options: O,
  settings: { positionals?: boolean } = {},
): CommandArgs<O, boolean> {
  try {
    return parseArgs<CommandArgsConfig<O, boolean>>({
      args: argv,
      strict: true,
      allowPositionals: settings.positionals === true,
      options,
    });
  } catch (error) {
    throw new UsageError(
      unknownOptionHint(error, options) ??
        switchValueHint(error, options) ??
        (error instanceof Error ? error.message : String(error)),
    );
  }
}

/**
 * `Unknown option '--cofig'. Did you mean '--config'?`, or the options the command takes, for
 * parseArgs' unknown-option error (its own text suggests `--` for positionals, which misleads).
 */
function unknownOptionHint(error: unknown, options: OptionsConfig): string | undefined {
  if ((error as { code?: unknown }).code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return undefined;
  const given = /Unknown option '([^']+)'/.exec(error instanceof Error ? error.message : "")?.[1];
  if (given === undefined) return undefined;
  const names = Object.keys(options).map((name) => `--${name}`);
  const hint = given.startsWith("--") ? closest(given, names, 3) : undefined;
  return hint
    ? `Unknown option '${given}'. Did you mean '${hint}'?`
    : `Unknown option '${given}'. Options: ${[...names, "--help"].join(", ")}.`;
}

/**
 * `--decision-log=yes` on a switch: parseArgs says it "does not take an argument"; say what is
 * expected instead (the switch alone).
 */
function switchValueHint(error: unknown, options: OptionsConfig): string | undefined {
  const given = /Option '--([^' ]+)[^']*' does not take an argument/.exec(
    error instanceof Error ? error.message : "",
  )?.[1];
  if (given === undefined || options[given]?.type !== "boolean") return undefined;
  return `--${given} is a switch and takes no value: write --${given} alone`;
}

/** "a", "a or b", "a, b or c": how a usage error lists the values a flag takes. */
function either(allowed: readonly string[]): string {
  return allowed.length <= 1
    ? allowed.join("")
    : `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`;
}

/**
 * An enumerated option's value: `fallback` when the flag was not given, else one of `allowed`
 * (`--format must be text or json, not "xml"` otherwise).
 */
export function oneOf<const T extends string, const F extends T | undefined>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: F,
): T | F {
  if (value === undefined) return fallback;
  const known = allowed.find((candidate) => candidate === value);
  if (known === undefined) throw new UsageError(`${flag} must be ${either(allowed)}, not "${value}"`);
  return known;
}

/** `--at`: a date (12:00 UTC that day: the same date in every calendar from UTC-11 to UTC+11) or a zoned date-time. */
export function parseAt(value: string): number {
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i.test(text);
  const at = Date.parse(dateOnly ? `${text}T12:00:00Z` : text);
  const valid =
    (dateOnly || zoned) && Number.isFinite(at) && (!dateOnly || new Date(at).toISOString().slice(0, 10) === text);
  if (!valid) {
    throw new UsageError(
      `--at must be a date (YYYY-MM-DD) or an ISO date-time with a zone (2026-03-02T09:00:00Z), not "${value}"`,
    );
  }
  return at;
}

/** `--examples N`: a whole number from 0 to 50. */
export function examplesOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 50)
    throw new UsageError(`--examples must be a whole number from 0 to 50, not "${text}"`);
  return n;
}

const MODES: readonly DeployMode[] = ["router", "workflows"];

/** `--mode router|workflows` (plan and deploy). */
export function parseMode(value: string | undefined): DeployMode | undefined {
  if (value === undefined) return undefined;
  if (!MODES.includes(value as DeployMode)) {
    throw new UsageError(`--mode must be one of ${MODES.join(", ")}, not "${value}"`);
  }
  return value as DeployMode;
}

/**
 * The one secret redactor of RouteOps. Everything that leaves the process (command output, error
 * messages, report files, PR comments, issues, logs) goes through it, and every secret it removes
 * becomes the same marker, `[redacted]`.
 *
 * It removes the secrets it is given in every form they may reach a text (raw, JSON-escaped,
 * URL-encoded, and Markdown-escaped: a backslash before punctuation, a zero-width space after it,
 * as our Markdown renderers write untrusted text), and anything shaped like a token that HubSpot or GitHub issues, or an
 * `Authorization` header value, even when it was not given: an outside system may echo a token we
 * never saw. Pure: no I/O.
 */

/** What a removed secret becomes, everywhere. */
export const REDACTED = "[redacted]";

/** Shorter secrets are not removed: replacing 1-3 characters everywhere would garble the text. */
const MIN_SECRET_LENGTH = 4;

/**
 * Token shapes removed even when not given:
 * - HubSpot private app tokens `pat-<region>-<uuid>` (https://developers.hubspot.com/docs/api/private-apps)
 * - GitHub personal, OAuth, app installation, refresh and fine-grained tokens
 *   (https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/)
 */
const TOKEN_SHAPES = [
  /pat-[a-z0-9]{2,4}-[0-9a-f-]{8,}/gi,
  /\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{16,})\b/g,
];
/** `Authorization: Bearer x` values, whatever their length. */
const BEARER_VALUE = /\b(bearer)\s+(?!\[redacted\])[^\s"',;]+/gi;
/** `token x` and `Basic x` values: only long ones, since "token" is also a word of prose. */
const OTHER_AUTH_VALUE = /\b(token|basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{16,}/gi;

/** Removes secrets from a text. */
export type Redactor = (text: string) => string;

/** The environment variables that hold secrets RouteOps reads. */
export const SECRET_ENV_VARIABLES = [
  "HUBSPOT_ACCESS_TOKEN",
  "GITHUB_TOKEN",
  "ROUTEOPS_EMULATOR_TOKEN",
  "ROUTEOPS_WEBHOOK_SECRET",
  "ROUTEOPS_ROUTER_TOKEN",
  // A connection string holds a password.
  "DATABASE_URL",
  // Slack: the bot token, and the incoming webhook URL (whoever has it can post).
  "SLACK_BOT_TOKEN",
  "SLACK_WEBHOOK_URL",
] as const;

/** The secrets set in `env` (trimmed; empty ones left out). */
export function secretsFromEnv(env: Record<string, string | undefined>): string[] {
  return SECRET_ENV_VARIABLES.map((name) => env[name]?.trim() ?? "").filter((value) => value !== "");
}

/** A redactor for these secrets (undefined and short ones are ignored) and every token shape. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const forms = new Set<string>();
  for (const raw of secrets) {
    const secret = raw?.trim();
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of [secret, raw ?? "", JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
      if (form.trim().length >= MIN_SECRET_LENGTH) forms.add(form);
    }
  }
  // Longest first, so a secret that contains another is removed whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  const escaped = ordered.map(markdownEscapedForm);
  return (text) => {
    let clean = text;
    for (const form of ordered) clean = clean.split(form).join(REDACTED);
    for (const form of escaped) clean = clean.replace(form, REDACTED);
    for (const shape of TOKEN_SHAPES) clean = clean.replace(shape, REDACTED);
    return clean.replace(BEARER_VALUE, `$1 ${REDACTED}`).replace(OTHER_AUTH_VALUE, `$1 ${REDACTED}`);
  };
}

/** The secret as a Markdown renderer may have written it: any character may be backslash-escaped or followed by U+200B. */
function markdownEscapedForm(secret: string): RegExp {
  const chars = [...secret].map((char) => `\\\\?${char.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")}\u200b?`);
  return new RegExp(chars.join(""), "g");
}

/** Removes `secrets` (and token shapes) from `text`: the one-off form of {@link createRedactor}. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return createRedactor(secrets)(text);
}

/** A writable stream (stdout, stderr) whose every chunk is redacted first. */
export function redactingStream<S extends { write(chunk: string): unknown }>(stream: S, redact: Redactor): S {
  return Object.assign(Object.create(stream) as S, { write: (chunk: string) => stream.write(redact(chunk)) });
}

/** The one secret redactor (see redact.ts). */
export {
  createRedactor,
  REDACTED,
  redactingStream,
  redactSecrets,
  SECRET_ENV_VARIABLES,
  secretsFromEnv,
  type Redactor,
} from "./redact";

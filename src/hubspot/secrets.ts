/**
 * Keeps the access token out of everything the adapter lets escape: error messages, error JSON,
 * request logs. HubSpot (or fetch, or the client) may echo what we sent, so every text that came
 * from outside is scrubbed before it is stored on an error.
 */

const REDACTED = "[redacted]";

/** Token-like strings HubSpot issues (private app `pat-...`, OAuth `CO...` bearer tokens). */
const BEARER_PATTERN = /Bearer\s+[^\s"',;]+/gi;
const PRIVATE_APP_TOKEN_PATTERN = /pat-[a-z0-9]{2,4}-[0-9a-f-]{8,}/gi;

/** A function that removes the given secret (and anything that looks like a token) from a text. */
export type SecretScrubber = (text: string) => string;

export function secretScrubber(secret: string): SecretScrubber {
  // The secret may reach a message raw, JSON-escaped or URL-encoded: remove every form.
  const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]
    .filter((form, index, all) => form.length > 0 && all.indexOf(form) === index)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let clean = text;
    for (const form of forms) clean = clean.split(form).join(REDACTED);
    return clean.replace(BEARER_PATTERN, `Bearer ${REDACTED}`).replace(PRIVATE_APP_TOKEN_PATTERN, REDACTED);
  };
}

/**
 * The hidden marker that identifies what RouteOps wrote on GitHub (the audit issue, the PR
 * report comment), so that the next run updates it instead of adding another one.
 */
import { GitHubError } from "./errors";

const MARKER_KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;

/** `<!-- routeops:KEY -->` for a key such as `audit` or `pr-report`. */
export function hiddenMarker(key: string): string {
  if (!MARKER_KEY.test(key)) {
    throw new GitHubError(
      "invalid_options",
      `GitHub: marker ${JSON.stringify(key)} is not valid: expected 1-100 letters, digits, or . _ : / - (starting with a letter or digit)`,
    );
  }
  return `<!-- routeops:${key} -->`;
}

/** The body with the marker on its first line (once). */
export function withMarker(marker: string, body: string): string {
  return body.includes(marker) ? body : `${marker}\n${body}`;
}

import { GitHubError } from "./errors";

/** A repository, as GitHub names it. */
export interface RepositoryName {
  owner: string;
  name: string;
}

// GitHub's rules: owners are alphanumeric with single hyphens; repository names also allow . and _.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** Parses `owner/name` (the form of `GITHUB_REPOSITORY`). */
export function parseRepository(repository: string): RepositoryName {
  const [owner, name, ...rest] = repository.split("/");
  if (rest.length > 0 || !owner || !name || !OWNER.test(owner) || !NAME.test(name) || /^\.+$/.test(name)) {
    throw new GitHubError(
      "invalid_options",
      `GitHub: repository ${JSON.stringify(repository)} is not valid: expected "owner/name" (as in GITHUB_REPOSITORY)`,
    );
  }
  return { owner, name };
}

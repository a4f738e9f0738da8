export { ACTIONS_BOT_LOGIN, createGitHubAdapter, impostorLines, type Impostor } from "./adapter";
export type {
  CommentUpsert,
  CommentUpsertResult,
  GitHubAdapter,
  GitHubAdapterOptions,
  IssueUpsert,
  IssueUpsertResult,
  UpsertAction,
} from "./adapter";
export { fitToLimit, GITHUB_BODY_LIMIT, STEP_SUMMARY_LIMIT_BYTES } from "./body-limit";
export type { FitOptions, FittedText, SizeUnit } from "./body-limit";
export { GitHubError } from "./errors";
export type { GitHubErrorCode } from "./errors";
export { hiddenMarker } from "./marker";
export { parseRepository } from "./repository";
export type { RepositoryName } from "./repository";
export { writeStepSummary } from "./step-summary";

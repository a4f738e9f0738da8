/** The pull-request comment of `routeops pr-report`: its parts read back or worked out, then one Markdown body. */
export {
  FULL_REPORT_HINT,
  fitPullRequestReport,
  pullRequestDocument,
  PR_REPORT_MARKER,
  renderPullRequestReport,
  type PullRequestReport,
  type ReportPart,
} from "./compose";
export { planSection, planSummaryText, readPlanFile, type PlanFileRead } from "./plan-file";
export { readTestResults, testResultsFromSuite, type FixtureFailure, type TestResults } from "./test-results";

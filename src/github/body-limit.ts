/** GitHub's size limits and the cut that keeps a body within them live in the pure core (report/). */
export {
  fitToLimit,
  GITHUB_BODY_LIMIT,
  STEP_SUMMARY_LIMIT_BYTES,
  type FitOptions,
  type FittedText,
  type SizeUnit,
} from "../report/body-limit";

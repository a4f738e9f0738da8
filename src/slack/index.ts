/** The Slack adapter (HTTP) and its local stand-in. */
export {
  createSlackClient,
  slackConnectionFromEnv,
  type DeliveryResult,
  type SlackClient,
  type SlackClientOptions,
  type SlackConnection,
  type SlackDestination,
} from "./client";
export { startSlackStandin, type SlackStandin, type SlackStandinOptions, type StandinSlackMessage } from "./standin";

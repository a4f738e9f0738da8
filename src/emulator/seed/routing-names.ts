import type { SeedRoutingNames } from "../options";

/** The reference organisation's source type ids: the default of `seed.sourceTypes`. */
export const REFERENCE_SOURCE_TYPES = [
  "inbound_demo_request",
  "inbound_pricing_page",
  "inbound_chatbot",
  "inbound_content_download",
  "inbound_general_form",
  "outbound_sequence_reply",
  "outbound_cold_call",
  "outbound_event",
];

/** The reference organisation's ids: the default of `seed.routing`. */
export const REFERENCE_ROUTING: Required<SeedRoutingNames> & {
  rules: Required<NonNullable<SeedRoutingNames["rules"]>>;
} = {
  configVersion: "2026.11.1",
  rules: {
    inbound: [
      "inbound-account-owner",
      "inbound-enterprise",
      "inbound-high-intent",
      "inbound-nurture",
      "inbound-standard",
      "inbound-fallback",
    ],
    outbound: [
      "outbound-sequence-owner",
      "outbound-caller",
      "outbound-account-owner",
      "outbound-event-territory",
      "outbound-fallback",
    ],
    reengagement: ["reengagement-original-rep", "reengagement-collaborative"],
    unclassified: "unclassified",
  },
  pools: [
    "inbound-ae-na-east",
    "inbound-ae-na-west",
    "inbound-ae-emea",
    "enterprise-na",
    "inbound-sdr-na",
    "inbound-sdr-emea",
    "outbound-na",
    "outbound-emea",
  ],
  queues: ["routing-desk"],
  slaPolicies: [
    "inbound-high",
    "inbound-standard",
    "reengagement",
    "outbound-reply",
    "outbound-call",
    "outbound-event",
  ],
  sequences: ["nurture-content"],
};

/** Fills the defaults in. */
export function routingNames(given: SeedRoutingNames | undefined) {
  return {
    configVersion: given?.configVersion ?? REFERENCE_ROUTING.configVersion,
    rules: {
      inbound: given?.rules?.inbound ?? REFERENCE_ROUTING.rules.inbound,
      outbound: given?.rules?.outbound ?? REFERENCE_ROUTING.rules.outbound,
      reengagement: given?.rules?.reengagement ?? REFERENCE_ROUTING.rules.reengagement,
      unclassified: given?.rules?.unclassified ?? REFERENCE_ROUTING.rules.unclassified,
    },
    pools: given?.pools ?? REFERENCE_ROUTING.pools,
    queues: given?.queues ?? REFERENCE_ROUTING.queues,
    slaPolicies: given?.slaPolicies ?? REFERENCE_ROUTING.slaPolicies,
    sequences: given?.sequences ?? REFERENCE_ROUTING.sequences,
  };
}

export type RoutingNames = ReturnType<typeof routingNames>;

/**
 * Approximate SLA target of a policy, from words in its id. The seed has no calendars, so due
 * dates are wall-clock approximations: good enough for audit metrics to have hits and misses.
 */
export function approximateTargetMs(policy: string): number {
  const minutes = /high|reengagement|urgent/.test(policy)
    ? 60
    : /reply/.test(policy)
      ? 480
      : /call/.test(policy)
        ? 1440
        : /event/.test(policy)
          ? 2880
          : 240;
  return minutes * 60_000;
}

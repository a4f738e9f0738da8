/**
 * Notifications where reps work, as Slack Block Kit messages: pure builders, no I/O. Two styles,
 * as the routing design asks: inbound leads are urgent ("contact now": who, what they did, the
 * form fields, the SLA due time); outbound leads are calm ("added to your pipeline: review and
 * prioritise": why they were targeted, context to prepare). Escalation steps reuse the same
 * styles. Every text that came from outside (names, form fields, page URLs) is escaped, so a
 * lead cannot mention @channel or forge a link.
 *
 * Block Kit: `section` blocks with `mrkdwn` text and `fields` (at most 10 fields, 2,000
 * characters each), `context` blocks (at most 10 elements), `header` (plain text, at most 150
 * characters). Source: Slack's Block Kit reference, https://docs.slack.dev/reference/block-kit/blocks
 */

/** A message as chat.postMessage and incoming webhooks take it: fallback text and blocks. */
export interface SlackMessage {
  /** Notification text (also what screen readers and notifications show). */
  text: string;
  blocks: SlackBlock[];
}

export type SlackText = { type: "mrkdwn" | "plain_text"; text: string };
export type SlackBlock =
  | { type: "header"; text: SlackText }
  | { type: "section"; text?: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] }
  | { type: "divider" };

/** Who gets it: a rep (mentioned by Slack member id when known) or a channel. */
export interface Recipient {
  email: string | null;
  name: string | null;
  slackUserId: string | null;
}

/** What a lead notification says. Strings are raw; the builders escape them. */
export interface LeadNotice {
  style: "urgent" | "calm";
  owner: Recipient;
  contact: { name: string | null; email: string | null; company: string | null; place: string | null };
  /** The source type's label, for example `Inbound: demo request`. */
  source: string;
  /** What the lead did, in words: `submitted form demo-request on /pricing`. */
  action: string;
  /** Form fields as typed (urgent style). */
  fields: Record<string, string>;
  /** The deciding rule and why it applied (calm style: why the lead was targeted). */
  rule: string;
  why: string;
  /** SLA due, already formatted in the owner's time zone (`Mon 22 Jun 09:30 PDT`), or null. */
  slaDue: string | null;
  /** Prep context lines (calm style): company size, earlier touches, territory. */
  context: string[];
  /** Link to the contact in HubSpot, when known. */
  contactUrl: string | null;
}

/** What an escalation step says. */
export interface EscalationNotice {
  style: "urgent" | "calm";
  action: "notify_rep" | "notify_manager" | "notify_channel" | "reassign";
  /** The lead's owner before the step. */
  owner: Recipient;
  /** The new owner (reassign) or the manager (notify_manager). */
  target: Recipient | null;
  contact: { name: string | null; email: string | null };
  slaPolicy: string;
  slaDue: string;
  /** How long past due, in words (`45 business minutes`). */
  overdue: string;
  contactUrl: string | null;
}

const MAX_FIELD = 1900;
const MAX_FIELDS = 10;

/** Escapes the three characters Slack's mrkdwn reserves (`&`, `<`, `>`), per Slack's formatting docs. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const md = (text: string): SlackText => ({ type: "mrkdwn", text: clip(text, MAX_FIELD) });

/** `<@U123>` when the member id is known, else the name or email (escaped). */
export function mention(who: Recipient): string {
  if (who.slackUserId && /^[UW][A-Z0-9]{2,}$/.test(who.slackUserId)) return `<@${who.slackUserId}>`;
  return escapeMrkdwn(who.name ?? who.email ?? "someone");
}

function contactWords(contact: { name: string | null; email: string | null }): string {
  const name = contact.name ? escapeMrkdwn(contact.name) : null;
  const email = contact.email ? escapeMrkdwn(contact.email) : null;
  if (name && email) return `${name} (${email})`;
  return name ?? email ?? "a contact with no name or email";
}

function link(url: string | null, label: string): string {
  if (!url || !/^https?:\/\/[^\s<>|]+$/.test(url)) return label;
  return `<${url}|${label}>`;
}

/** The lead message: urgent ("contact now") for inbound, calm ("added to your pipeline") for outbound. */
export function leadMessage(notice: LeadNotice): SlackMessage {
  const who = contactWords(notice.contact);
  const company = notice.contact.company ? ` at ${escapeMrkdwn(notice.contact.company)}` : "";
  const blocks: SlackBlock[] = [];
  if (notice.style === "urgent") {
    const due = notice.slaDue ? ` before ${escapeMrkdwn(notice.slaDue)}` : "";
    blocks.push({ type: "header", text: { type: "plain_text", text: clip(`Contact now: ${notice.source}`, 150) } });
    blocks.push({
      type: "section",
      text: md(`${mention(notice.owner)}, ${who}${company} ${escapeMrkdwn(notice.action)}. *Contact them now*${due}.`),
    });
    const entries = Object.entries(notice.fields).slice(0, MAX_FIELDS);
    if (entries.length > 0) {
      blocks.push({
        type: "section",
        fields: entries.map(([name, value]) => md(`*${escapeMrkdwn(name)}*\n${escapeMrkdwn(value)}`)),
      });
    }
    const facts = [
      notice.slaDue ? `SLA due *${escapeMrkdwn(notice.slaDue)}*` : "no SLA",
      notice.contact.place ? escapeMrkdwn(notice.contact.place) : null,
      `rule \`${escapeMrkdwn(notice.rule)}\``,
      link(notice.contactUrl, "open in HubSpot"),
    ].filter((x): x is string => x !== null);
    blocks.push({ type: "context", elements: facts.map((f) => md(f)) });
    const text = `Contact now: ${who}${company} (${notice.source})${notice.slaDue ? `, SLA due ${notice.slaDue}` : ""}`;
    return { text: clip(text, 3000), blocks };
  }
  blocks.push({
    type: "section",
    text: md(`${mention(notice.owner)}, ${who}${company} was *added to your pipeline*: review and prioritise.`),
  });
  blocks.push({
    type: "section",
    fields: [
      md(`*Why targeted*\n${escapeMrkdwn(notice.why)}`),
      md(`*Source*\n${escapeMrkdwn(notice.source)}: ${escapeMrkdwn(notice.action)}`),
    ],
  });
  const prep = notice.context.slice(0, 8).map((line) => md(escapeMrkdwn(line)));
  prep.push(
    md(
      `${notice.slaDue ? `follow up by ${escapeMrkdwn(notice.slaDue)}; ` : ""}${link(notice.contactUrl, "open in HubSpot")}`,
    ),
  );
  blocks.push({ type: "context", elements: prep });
  return { text: clip(`Added to your pipeline: ${who}${company} (${notice.source})`, 3000), blocks };
}

/** An escalation step's message, in the lead's style. */
export function escalationMessage(notice: EscalationNotice): SlackMessage {
  const who = contactWords(notice.contact);
  const owner = mention(notice.owner);
  const late = `${escapeMrkdwn(notice.overdue)} past the ${escapeMrkdwn(notice.slaPolicy)} SLA (due ${escapeMrkdwn(notice.slaDue)})`;
  let line: string;
  switch (notice.action) {
    case "notify_rep":
      line =
        notice.style === "urgent"
          ? `${owner}, ${who} is still waiting: ${late}. *Contact them now.*`
          : `${owner}, a reminder: ${who} has not been followed up yet (${late}). Review when you can.`;
      break;
    case "notify_manager":
      line = `${notice.target ? mention(notice.target) : "Manager"}: ${who}, owned by ${owner}, is ${late}.`;
      break;
    case "notify_channel":
      line = `${who}, owned by ${owner}, is ${late}.`;
      break;
    default:
      line = `${who} was reassigned from ${owner} to ${notice.target ? mention(notice.target) : "the queue"}: ${late}.`;
  }
  const prefix = notice.style === "urgent" ? "SLA breach" : "Follow-up overdue";
  return {
    text: clip(`${prefix}: ${line}`, 3000),
    blocks: [
      { type: "section", text: md(`*${prefix}*: ${line}`) },
      { type: "context", elements: [md(link(notice.contactUrl, "open in HubSpot"))] },
    ],
  };
}

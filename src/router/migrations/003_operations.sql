-- Routing operations: SLA escalation steps run by the router (part of the decision log) and the
-- Slack notifications it sends, each retried until delivered and never in the way of a decision.

-- One row per escalation step run for a routed lead: when it fell due, what it did.
CREATE TABLE escalation_steps (
  contact_id text NOT NULL,
  requested_at bigint NOT NULL,
  step_index integer NOT NULL,
  -- notify_rep | notify_manager | notify_channel | reassign
  action text NOT NULL,
  due_at bigint NOT NULL,
  -- the rep or manager notified, the channel id, or where a reassignment went
  target text,
  -- a reassignment's new decision (the engine routed the lead again without its owner)
  reassignment jsonb,
  run_at bigint NOT NULL,
  -- the request's round (see 002_request_rounds.sql)
  round integer NOT NULL DEFAULT 0,
  PRIMARY KEY (contact_id, requested_at, round, step_index),
  FOREIGN KEY (contact_id, requested_at, round) REFERENCES routing_requests (contact_id, requested_at, round)
);

-- Slack notifications to send: lead messages and escalation messages.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  contact_id text NOT NULL,
  requested_at bigint NOT NULL,
  -- lead | escalation:<action>:<step index>
  kind text NOT NULL,
  channel text,
  message jsonb NOT NULL,
  -- pending | done | failed (a permanent Slack error, or out of attempts)
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  next_at bigint NOT NULL,
  last_error text,
  slack_ts text,
  created_at bigint NOT NULL,
  done_at bigint,
  round integer NOT NULL DEFAULT 0,
  UNIQUE (contact_id, requested_at, round, kind),
  FOREIGN KEY (contact_id, requested_at, round) REFERENCES routing_requests (contact_id, requested_at, round)
);
CREATE INDEX notifications_due ON notifications (status, next_at);

-- The router's state: routing requests, the rotation ledger, the decision log and the outbox of
-- HubSpot writes. Times are epoch milliseconds (bigint), set from the router's injected clock.

-- One row per routing request, keyed by the contact and the instant the capture workflows
-- stamped (routeops_route_requested_at). Webhooks and the reconciliation poll both insert here;
-- a duplicate delivery is the same key and changes nothing.
CREATE TABLE routing_requests (
  contact_id text NOT NULL,
  requested_at bigint NOT NULL,
  -- webhook | poll | api
  source text NOT NULL,
  received_at bigint NOT NULL,
  -- pending: to decide; decided: decision committed, writes in the outbox; done: written;
  -- superseded: a newer request of the contact replaced it; skipped: routed elsewhere or gone.
  status text NOT NULL DEFAULT 'pending',
  -- Which router holds the request while it reads HubSpot, and until when.
  lease_owner text,
  lease_until bigint,
  attempts integer NOT NULL DEFAULT 0,
  not_before bigint NOT NULL DEFAULT 0,
  note text,
  decided_at bigint,
  done_at bigint,
  PRIMARY KEY (contact_id, requested_at)
);
CREATE INDEX routing_requests_pending ON routing_requests (status, requested_at);

-- The rotation ledger: per pool, per member (rep email), the smooth weighted round robin
-- counter, shared by every rule that uses the pool and by every router replica.
CREATE TABLE rotation_ledger (
  pool text NOT NULL,
  member text NOT NULL,
  counter double precision NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (pool, member)
);

-- The decision log: one row per routed lead, kept for "why did this lead go to X".
CREATE TABLE decisions (
  contact_id text NOT NULL,
  requested_at bigint NOT NULL,
  email text,
  decided_at bigint NOT NULL,
  config_version text NOT NULL,
  system text NOT NULL,
  rule text NOT NULL,
  owner_email text,
  owner_id text,
  input jsonb NOT NULL,
  decision jsonb NOT NULL,
  PRIMARY KEY (contact_id, requested_at),
  FOREIGN KEY (contact_id, requested_at) REFERENCES routing_requests (contact_id, requested_at)
);
CREATE INDEX decisions_email ON decisions (lower(email));

-- The outbox: the HubSpot writes of a decision, committed with it and replayed until done.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  contact_id text NOT NULL,
  requested_at bigint NOT NULL,
  -- contact_update | task_create
  kind text NOT NULL,
  payload jsonb NOT NULL,
  -- pending | attempting (a create was sent, its answer not recorded) | done
  status text NOT NULL DEFAULT 'pending',
  lease_owner text,
  lease_until bigint,
  attempts integer NOT NULL DEFAULT 0,
  result jsonb,
  created_at bigint NOT NULL,
  done_at bigint,
  UNIQUE (contact_id, requested_at, kind),
  FOREIGN KEY (contact_id, requested_at) REFERENCES routing_requests (contact_id, requested_at)
);
CREATE INDEX outbox_open ON outbox (status, id);

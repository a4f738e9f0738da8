-- A contact can ask for routing twice at the same instant (a call logged and a form submitted in
-- the same millisecond): the capture workflows stamp the same routeops_route_requested_at again,
-- with routeops_routing_pending set to true after the router's write had cleared it. Such a
-- re-request is a new request of the same (contact, instant): its round is one higher. Round 0 is
-- every first request; the key of a request, its decision and its outbox rows is
-- (contact, requested-at, round).
ALTER TABLE outbox DROP CONSTRAINT outbox_contact_id_requested_at_fkey;
ALTER TABLE outbox DROP CONSTRAINT outbox_contact_id_requested_at_kind_key;
ALTER TABLE decisions DROP CONSTRAINT decisions_contact_id_requested_at_fkey;
ALTER TABLE decisions DROP CONSTRAINT decisions_pkey;
ALTER TABLE routing_requests DROP CONSTRAINT routing_requests_pkey;

ALTER TABLE routing_requests ADD COLUMN round integer NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN round integer NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN round integer NOT NULL DEFAULT 0;

ALTER TABLE routing_requests ADD PRIMARY KEY (contact_id, requested_at, round);
ALTER TABLE decisions ADD PRIMARY KEY (contact_id, requested_at, round);
ALTER TABLE decisions ADD FOREIGN KEY (contact_id, requested_at, round)
  REFERENCES routing_requests (contact_id, requested_at, round);
ALTER TABLE outbox ADD UNIQUE (contact_id, requested_at, round, kind);
ALTER TABLE outbox ADD FOREIGN KEY (contact_id, requested_at, round)
  REFERENCES routing_requests (contact_id, requested_at, round);

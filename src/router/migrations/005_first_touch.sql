-- Open leads, for `capacity.open`: a lead is open while its current owner has not touched it. The
-- router learns the first touch from HubSpot's contact properties (src/router/open-leads.ts) and
-- keeps it here, so that open counts come from the database under the ledger lock.

-- the owner's first touch as the router read it (null: none seen yet)
ALTER TABLE decisions ADD COLUMN first_touch_at bigint;
-- when the router last read the lead's first-touch properties (null: never; the decision counts)
ALTER TABLE decisions ADD COLUMN touch_checked_at bigint;
-- leads decided before this migration count as open until the router reads their first touch
CREATE INDEX decisions_open ON decisions (requested_at) WHERE first_touch_at IS NULL AND current_owner_email IS NOT NULL;

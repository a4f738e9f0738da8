-- Who has each lead now. An escalation's reassignment moves a lead to a new owner: capacity counts
-- it against that owner (in the pool it was reassigned from, on the day it was reassigned), no
-- longer against the first one. The decision's own owner_email stays what was decided.
ALTER TABLE decisions ADD COLUMN current_owner_email text;
ALTER TABLE decisions ADD COLUMN current_pool text;
-- when the current owner got the lead: the request's instant, or the reassignment's due time
ALTER TABLE decisions ADD COLUMN assigned_at bigint;
UPDATE decisions SET current_owner_email = owner_email, current_pool = decision->>'pool', assigned_at = requested_at;
UPDATE decisions d
   SET current_owner_email = coalesce(m.reassignment->>'owner', m.reassignment->>'rotationPick'),
       current_pool = m.reassignment->>'pool',
       assigned_at = m.due_at
  FROM (SELECT DISTINCT ON (contact_id, requested_at, round) contact_id, requested_at, round, reassignment, due_at
          FROM escalation_steps WHERE reassignment IS NOT NULL
         ORDER BY contact_id, requested_at, round, step_index DESC) m
 WHERE d.contact_id = m.contact_id AND d.requested_at = m.requested_at AND d.round = m.round;
ALTER TABLE decisions ALTER COLUMN assigned_at SET NOT NULL;
CREATE INDEX decisions_assigned ON decisions (assigned_at);

-- A reassignment is committed (step, new owner, ledger advance) before its owner is written to
-- HubSpot; written_at says the write is done, so a failed write is retried, never re-decided.
ALTER TABLE escalation_steps ADD COLUMN written_at bigint;
UPDATE escalation_steps SET written_at = run_at WHERE action = 'reassign';

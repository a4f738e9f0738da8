-- Open leads, for `capacity.open`: a lead whose contact HubSpot no longer has (deleted, or merged
-- into another contact, whose own lead counts) is not open. The router learns it when a batch read
-- of the lead's first touch does not return the contact (src/router/open-leads.ts).

-- when the router's read found the contact gone (null: it was there, or was never read)
ALTER TABLE decisions ADD COLUMN contact_gone_at bigint;

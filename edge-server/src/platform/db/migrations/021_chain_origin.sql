-- Chain campaigns and promotions (issue 12): head office re-publishes a whole edited campaign or
-- promotion, and the store applies it in full. `origin` tells what head office may rewrite
-- ('chain') from what the store made itself ('store', never touched by the down-flow).
ALTER TABLE campaigns ADD COLUMN origin TEXT NOT NULL DEFAULT 'store' CHECK (origin IN ('store', 'chain'));
ALTER TABLE promotions ADD COLUMN origin TEXT NOT NULL DEFAULT 'store' CHECK (origin IN ('store', 'chain'));
-- What the chain created before this migration is the chain's.
UPDATE campaigns SET origin = 'chain' WHERE id IN (SELECT entity_id FROM chain_applied WHERE kind = 'campaigns');
UPDATE promotions SET origin = 'chain' WHERE id IN (SELECT entity_id FROM chain_applied WHERE kind = 'promotions');

-- A shopper keeps the arm they were assigned even when the campaign's holdout share changes
-- later: the kiosk and the till read the stored arm first, by customer.
CREATE INDEX campaign_assignments_customer ON campaign_assignments(customer_id);

-- Offers a shopper trusts (issue 9, item 1): the rules an offer carries, applied alike at the
-- kiosk (what is shown) and at the till (what applies), and the priority that breaks a tie
-- between two equally good offers on one product.

-- Higher first; 0 for every campaign that existed before (and the default for new ones).
ALTER TABLE campaigns ADD COLUMN priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN -1000 AND 1000);

-- Who may have the offer and how much of it there is. NULL: no such rule.
ALTER TABLE offers ADD COLUMN segment TEXT;
-- JSON array of tier ids, e.g. ["silver","gold"].
ALTER TABLE offers ADD COLUMN tier_ids TEXT;
-- Redemptions across all shoppers, and discount money given (offer_instances counts both).
ALTER TABLE offers ADD COLUMN max_uses INTEGER CHECK (max_uses IS NULL OR max_uses >= 1);
ALTER TABLE offers ADD COLUMN budget_minor INTEGER CHECK (budget_minor IS NULL OR budget_minor >= 0);

-- Points → discount voucher on the kiosk's "My card" (issue 9): allowed only when the program
-- sets a minimum; NULL (the default) keeps it off. The voucher itself is a one-use promotion
-- granted to the shopper (promotion_grants), paid for by a `redeem` entry in the points ledger.
ALTER TABLE loyalty_settings ADD COLUMN voucher_min_points INTEGER CHECK (voucher_min_points IS NULL OR voucher_min_points >= 1);
ALTER TABLE loyalty_settings ADD COLUMN voucher_valid_days INTEGER NOT NULL DEFAULT 30 CHECK (voucher_valid_days BETWEEN 1 AND 365);

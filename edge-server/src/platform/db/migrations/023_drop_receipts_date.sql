-- receipts_date(local_date) is a prefix of receipts_date_id(local_date, id, kind, customer_id,
-- total_minor), which serves every query it served: dropping it saves one index write per
-- receipt (imports write many).
DROP INDEX IF EXISTS receipts_date;

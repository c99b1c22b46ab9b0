-- A shopper's redeemed offers (offer caps per shopper, and the till's and the scan's read of
-- them) are read by customer: without this index that read scanned every offer instance, one
-- per offer shown to each shopper, so it grew with the store's history.
CREATE INDEX offer_instances_customer ON offer_instances(customer_id, state);

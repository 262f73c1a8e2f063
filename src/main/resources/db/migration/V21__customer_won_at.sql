-- When a customer was first won (customer module), for the sales reports' win rate and days to
-- win by source, industry, region and type. Set by the database whichever way the status becomes
-- 成交 (an approved contract, the edit form, an import), and kept when the status moves on.
-- Customers won before this migration take the time of their last update, the best the table knows.
ALTER TABLE customer ADD COLUMN won_at timestamptz;
UPDATE customer SET won_at = updated_at WHERE status = 'WON';

CREATE FUNCTION customer_won_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'WON' AND NEW.won_at IS NULL THEN
        NEW.won_at := NEW.updated_at;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER customer_won_at BEFORE INSERT OR UPDATE OF status ON customer
    FOR EACH ROW EXECUTE FUNCTION customer_won_at();

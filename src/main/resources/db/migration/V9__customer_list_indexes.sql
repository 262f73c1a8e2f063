-- Indexes and planner statistics for the customer and contact lists at 1,000,000 customers.
-- Each change fixes a plan measured on bench/customers-1m.sql (bench/README.md; the plans
-- before and after are in bench/results/explain-*.txt).

-- 1. Name search by two-character n-grams instead of trigrams.
-- Chinese searches are short: a company is searched as 华为 or 腾讯, a contact as 张伟. pg_trgm
-- extracts no trigram from a one- or two-character pattern, so its index cannot help and the
-- search filters the whole table: 0.3 to 1 s for a contact search, 3 s for a customer search
-- that matches nothing. Every bigram of a term is a bigram of each name that contains it, so
-- "tidecrm_bigrams(name) @> tidecrm_bigrams(term)" finds the candidates for any term of two or
-- more characters in the index. The searches must use it (CustomerQueries.list,
-- ContactService.list; the exact SQL is in bench/README.md): ship this migration together with
-- that change, or searches of three and more characters lose their index. The trigram indexes
-- are dropped, not kept next to these: the planner estimates ILIKE '%张伟%' at one row and
-- picks the trigram index, which then returns every row.
CREATE FUNCTION tidecrm_bigrams(value text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    folded  text   := lower(value);
    bigrams text[] := '{}';
BEGIN
    FOR i IN 1 .. char_length(folded) - 1 LOOP
        bigrams := bigrams || substr(folded, i, 2);
    END LOOP;
    RETURN bigrams;
END
$$;

CREATE INDEX customer_name_bigram_idx ON customer USING gin (tidecrm_bigrams(name));
CREATE INDEX contact_name_bigram_idx ON contact USING gin (tidecrm_bigrams(name));
-- Thousands of distinct bigrams: counted, a bigram no name contains is estimated as rare, and
-- the planner looks it up instead of filtering the whole table in sort order.
ALTER INDEX customer_name_bigram_idx ALTER COLUMN 1 SET STATISTICS 1000;
ALTER INDEX contact_name_bigram_idx ALTER COLUMN 1 SET STATISTICS 1000;
DROP INDEX customer_name_trgm_idx;
DROP INDEX contact_name_trgm_idx;

-- 2. The tag choices above the list (CustomerQueries.tagsInScope) read up to 5,000 tagged
-- customers of the scope: from this index only, instead of all of a rep's rows or a
-- sequential scan (60 to 80 ms for a rep or a manager, on every list page).
CREATE INDEX customer_owner_tagged_idx ON customer (owner_id) INCLUDE (tags) WHERE tags <> '{}';

-- 3. Statistics that let the planner tell a small scope or a rare tag from a big one.
-- With the default target the planner estimates every owner outside its 100 most common at
-- about 4,000 customers and every tag outside its 20 most common at 0.4 % of the table: for a
-- new team's manager, a new rep's contacts or a tag on ten customers it then walks a
-- whole-table index in sort order and filters, reading most of the table (2.2 s, 1.4 s, 5.4 s;
-- the to-do page of the new team's manager 2.1 s).
-- With 1000, every owner up to a thousand users and every sampled tag is counted. The price
-- is a bigger ANALYZE sample (300,000 rows: about 5 s at 1M customers, in the background).
ALTER TABLE customer ALTER COLUMN owner_id SET STATISTICS 1000;
ALTER TABLE customer ALTER COLUMN tags SET STATISTICS 1000;
ANALYZE customer;
ANALYZE contact;

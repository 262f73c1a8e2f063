-- The REST API's rate limit per token, shared by every node: Bucket4j's serialised bucket state,
-- swapped with a compare-and-set on the row (see integration.internal.ApiRateBuckets).
CREATE TABLE api_rate_bucket (
    token_id  bigint PRIMARY KEY REFERENCES api_token (id) ON DELETE CASCADE,
    state     bytea  NOT NULL
);

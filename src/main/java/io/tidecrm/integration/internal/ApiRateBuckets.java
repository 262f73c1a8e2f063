package io.tidecrm.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API tokens' rate-limit buckets in PostgreSQL ({@code api_rate_bucket}), so that every node
 * counts against the same bucket: two nodes behind a balancer do not double a token's limit.
 * Bucket4j keeps the algorithm; this class only reads a bucket's state and swaps it for the new
 * one when nobody changed it meanwhile (a conditional insert or update, each one statement in
 * its own transaction; Bucket4j retries a lost swap). The buckets read the application's clock,
 * like every rule that counts time.
 */
class ApiRateBuckets extends AbstractCompareAndSwapBasedProxyManager<Long> {

    private final JdbcClient jdbc;

    ApiRateBuckets(JdbcClient jdbc, Clock clock) {
        super(ClientSideConfig.getDefault().withClientClock(new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        }));
        this.jdbc = jdbc;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(Long tokenId) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return jdbc.sql("SELECT state FROM api_rate_bucket WHERE token_id = ?").param(tokenId)
                        .query(byte[].class).optional();
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                if (originalData == null) {
                    return jdbc.sql("INSERT INTO api_rate_bucket (token_id, state) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .params(tokenId, newData).update() == 1;
                }
                return jdbc.sql("UPDATE api_rate_bucket SET state = ? WHERE token_id = ? AND state = ?")
                        .params(newData, tokenId, originalData).update() == 1;
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(Long tokenId) {
        throw new UnsupportedOperationException("The API's rate limit is checked synchronously");
    }

    @Override
    public void removeProxy(Long tokenId) {
        jdbc.sql("DELETE FROM api_rate_bucket WHERE token_id = ?").param(tokenId).update();
    }

    @Override
    protected CompletableFuture<Void> removeAsync(Long tokenId) {
        throw new UnsupportedOperationException("The API's rate limit is checked synchronously");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}

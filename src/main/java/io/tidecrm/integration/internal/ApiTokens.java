package io.tidecrm.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tidecrm.support.RuleChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens of the REST API. A token belongs to one user and acts with exactly that
 * user's rights (narrowed to reading for a read-only token). Only the SHA-256 of its secret is
 * stored; the secret is shown once, when it is created.
 */
@Service
@Transactional
class ApiTokens {

    static final int MAX_ACTIVE_PER_USER = 20;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A token as its owner's page lists it (never its secret). */
    record TokenView(long id, String name, String prefix, TokenScope scope, Instant createdAt, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt, String status) {
    }

    /** A presented token that is known, with why it may not be used (or null when it may). */
    record Presented(long id, long userId, String name, TokenScope scope, String refusal) {
    }

    /** Creates a token and returns its secret, the only time it exists outside the caller's hands. */
    String create(long userId, ApiTokenForm form) {
        Instant now = clock.instant();
        Integer active = jdbc.sql("""
                SELECT count(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?
                """).params(userId, Timestamp.from(now)).query(Integer.class).single();
        if (active >= MAX_ACTIVE_PER_USER) {
            throw new io.tidecrm.support.RuleViolation(null, "apiToken.tooMany", MAX_ACTIVE_PER_USER);
        }
        String secret = Secrets.generate("tcrm_");
        jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_hash, prefix, scope, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(userId, form.name().strip(), Secrets.hash(secret), secret.substring(0, 10),
                form.scope().name(), Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(form.days()))))
                .update();
        events.publishEvent(new RuleChanged("apiToken.created", null, form.name().strip() + " (" + form.scope() + ")",
                userId, now));
        return secret;
    }

    /** Revokes one of the user's own tokens; another user's id changes nothing (and answers false). */
    boolean revoke(long userId, long tokenId) {
        Instant now = clock.instant();
        Optional<String> name = jdbc.sql("""
                UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL RETURNING name
                """).params(Timestamp.from(now), tokenId, userId).query(String.class).optional();
        name.ifPresent(n -> events.publishEvent(new RuleChanged("apiToken.revoked", n, null, userId, now)));
        return name.isPresent() || jdbc.sql("SELECT count(*) FROM api_token WHERE id = ? AND user_id = ?")
                .params(tokenId, userId).query(Integer.class).single() > 0;
    }

    /** The user's tokens, newest first, each with its status now: ACTIVE, EXPIRED or REVOKED. */
    @Transactional(readOnly = true)
    List<TokenView> list(long userId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT id, name, prefix, scope, created_at, expires_at, revoked_at, last_used_at
                FROM api_token WHERE user_id = ? ORDER BY id DESC LIMIT 100
                """).param(userId).query((rs, n) -> new TokenView(rs.getLong("id"), rs.getString("name"),
                rs.getString("prefix"), TokenScope.valueOf(rs.getString("scope")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")), rs.getTimestamp("revoked_at") != null ? "REVOKED"
                        : rs.getTimestamp("expires_at").toInstant().isAfter(now) ? "ACTIVE" : "EXPIRED")).list();
    }

    /**
     * The token a request presents, by the hash of its secret, with the reason it may not be used
     * ({@code token.revoked}, {@code token.expired}); empty when no token has that secret. Marks it
     * used (at most once a minute, so that a busy client does not write on every call).
     */
    Optional<Presented> find(String secret) {
        Instant now = clock.instant();
        Optional<Presented> token = jdbc.sql("""
                SELECT id, user_id, name, scope, expires_at, revoked_at FROM api_token WHERE token_hash = ?
                """).param(Secrets.hash(secret)).query((rs, n) -> {
            String refusal = rs.getTimestamp("revoked_at") != null ? "token.revoked"
                    : !rs.getTimestamp("expires_at").toInstant().isAfter(now) ? "token.expired" : null;
            return new Presented(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                    TokenScope.valueOf(rs.getString("scope")), refusal);
        }).optional();
        token.filter(t -> t.refusal() == null).ifPresent(t -> jdbc.sql("""
                UPDATE api_token SET last_used_at = ?
                WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)
                """).params(Timestamp.from(now), t.id(), Timestamp.from(now.minusSeconds(60))).update());
        return token;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

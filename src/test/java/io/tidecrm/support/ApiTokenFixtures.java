package io.tidecrm.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Personal access tokens for API tests, stored as the application stores them (SHA-256 of the secret). */
public final class ApiTokenFixtures {

    private ApiTokenFixtures() {
    }

    /** Inserts a token of the user and returns its secret. */
    public static String insert(JdbcClient jdbc, long userId, String name, String scope, Instant expiresAt,
            Instant revokedAt) {
        String secret = "tcrm_test" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_hash, prefix, scope, created_at, expires_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, now(), ?, ?)
                """).params(userId, name, sha256(secret), secret.substring(0, 10), scope, Timestamp.from(expiresAt),
                revokedAt == null ? null : Timestamp.from(revokedAt)).update();
        return secret;
    }

    /** A read-write token of the user, valid for a year. */
    public static String readWrite(JdbcClient jdbc, long userId) {
        return insert(jdbc, userId, "测试令牌", "READ_WRITE", Instant.now().plusSeconds(365L * 86400), null);
    }

    /** {@code Authorization: Bearer <secret>} on a MockMvc request. */
    public static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + secret);
            return request;
        };
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

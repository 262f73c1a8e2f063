package io.tidecrm.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.tidecrm.identity.DemoUsers;
import io.tidecrm.integration.IntegrationDemoData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link IntegrationDemoData}: a few tokens per demo team, with random secrets that nobody knows. */
@Component
class IntegrationDemoSeeder implements IntegrationDemoData {

    private final JdbcClient jdbc;
    private final Clock clock;

    IntegrationDemoSeeder(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int seed(DemoUsers.Staff staff) {
        Instant now = clock.instant();
        int written = 0;
        for (DemoUsers.Team team : staff.teams()) {
            if (!team.repIds().isEmpty()) {
                long rep = team.repIds().get(0);
                written += insert(rep, "句客宝同步", TokenScope.READ_WRITE, now.minus(Duration.ofDays(20)),
                        now.plus(Duration.ofDays(70)), null, now.minus(Duration.ofHours(3)));
                written += insert(rep, "旧脚本", TokenScope.READ_WRITE, now.minus(Duration.ofDays(60)),
                        now.plus(Duration.ofDays(30)), now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(11)));
            }
            written += insert(team.managerId(), "周报导出（只读）", TokenScope.READ, now.minus(Duration.ofDays(5)),
                    now.plus(Duration.ofDays(85)), null, null);
        }
        return written;
    }

    private int insert(long userId, String name, TokenScope scope, Instant created, Instant expires, Instant revoked,
            Instant lastUsed) {
        String secret = Secrets.generate("tcrm_");
        return jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_hash, prefix, scope, created_at, expires_at, revoked_at,
                                       last_used_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(userId, name, Secrets.hash(secret), secret.substring(0, 10), scope.name(),
                Timestamp.from(created), Timestamp.from(expires), revoked == null ? null : Timestamp.from(revoked),
                lastUsed == null ? null : Timestamp.from(lastUsed)).update();
    }
}

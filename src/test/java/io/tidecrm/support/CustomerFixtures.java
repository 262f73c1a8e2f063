package io.tidecrm.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.tidecrm.identity.UserManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data straight into the tables, for the set-up of a test (the rules under test are
 * exercised through the pages and services, not here).
 */
@Component
public class CustomerFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    public CustomerFixtures(JdbcClient jdbc, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    public long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    /** A unique company name for a test. */
    public static String uniqueName(String prefix) {
        return prefix + "测试科技" + SEQUENCE.incrementAndGet() + "有限公司";
    }

    /** Inserts a customer owned by {@code owner} (null: in the pool) and returns its id. */
    public long insert(String name, String type, String status, Long ownerId) {
        Instant now = clock.instant();
        long creator = ownerId != null ? ownerId : userId("admin");
        return jdbc.sql("""
                INSERT INTO customer (name, name_key, type, source, status, owner_id, clock_at, created_by_id,
                                      created_at, updated_at)
                VALUES (:name, :key, :type, 'OTHER', :status, :owner, :now, :creator, :now, :now)
                RETURNING id
                """)
                .param("name", name)
                .param("key", name + "#" + SEQUENCE.incrementAndGet())
                .param("type", type)
                .param("status", status)
                .param("owner", ownerId)
                .param("now", Timestamp.from(now))
                .param("creator", creator)
                .query(Long.class)
                .single();
    }

    /** A customer of {@code username}'s own (type B, 意向), named prefix + a unique number. */
    public long customerOf(String username, String prefix) {
        return insert(uniqueName(prefix), "B", "INTENT", userId(username));
    }

    /** Gives the owner exactly {@code count} customers of the type (adding what is missing). */
    public void fillTo(long ownerId, String type, int count) {
        long owned = countOwned(ownerId, type);
        for (long i = owned; i < count; i++) {
            insert(uniqueName("填充"), type, "FIRST_VISIT", ownerId);
        }
    }

    public long countOwned(long ownerId, String type) {
        return jdbc.sql("SELECT count(*) FROM customer WHERE owner_id = ? AND type = ?")
                .params(ownerId, type).query(Long.class).single();
    }

    public long insertContact(long customerId, String name) {
        Instant now = clock.instant();
        return jdbc.sql("""
                INSERT INTO contact (customer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id
                """)
                .params(customerId, name, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}

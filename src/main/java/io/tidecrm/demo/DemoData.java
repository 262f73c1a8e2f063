package io.tidecrm.demo;

import io.tidecrm.identity.DemoUsers;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo data, each module writing only its own tables. An advisory lock keeps two
 * nodes that start at the same moment on a fresh database from seeding twice.
 */
@Component
@Profile("!prod")
public class DemoData {

    /** The transaction-level advisory lock that serialises seeding across nodes. */
    private static final long LOCK = 0x7469_6465_6465_6d6fL;

    private final DemoUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoData(DemoUsers users, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.users = users;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Creates the demo users that are missing and says who they are. */
    public DemoUsers.Staff seedUsers() {
        return tx.execute(status -> {
            lock();
            return users.ensure();
        });
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK).query((rs, n) -> 1).single();
    }
}

package io.tidecrm.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Gives each test run a fresh PostgreSQL database of its own and drops it at the end, so that
 * two runs never see each other's data. Where it comes from, in this order:
 * <ol>
 * <li>{@code TIDECRM_TEST_DB_URL} (with {@code TIDECRM_TEST_DB_USERNAME}, {@code TIDECRM_TEST_DB_PASSWORD}):
 * a server of your choice; the URL names its maintenance database, e.g.
 * {@code jdbc:postgresql://db:5432/postgres};</li>
 * <li>a Docker engine that answers: a Testcontainers PostgreSQL;</li>
 * <li>otherwise the local server on 127.0.0.1:5432 as user postgres.</li>
 * </ol>
 * The chosen database is handed to Spring through system properties. The application contexts
 * the tests started are closed before the database is dropped ({@link ClosedBeforeTheDrop}).
 */
public class TestDatabase implements LauncherSessionListener {

    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    private static final List<String> EXTRA_DATABASES = new CopyOnWriteArrayList<>();

    private static volatile TestDatabase current;

    private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private PostgreSQLContainer container;
    private String serverUrl;
    private String username;
    private String password;
    private String database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // Figures that tests append to (races, faults) start empty for each run.
        for (String file : new String[] { "races.txt", "faults.txt" }) {
            try {
                java.nio.file.Files.deleteIfExists(java.nio.file.Path.of("target/reliability", file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (System.getProperty("spring.datasource.url") != null) {
            return; // already set up by an outer launcher session
        }
        String explicit = System.getenv("TIDECRM_TEST_DB_URL");
        if (explicit != null && !explicit.isBlank()) {
            useServer(explicit, env("TIDECRM_TEST_DB_USERNAME", "postgres"), env("TIDECRM_TEST_DB_PASSWORD", ""));
        } else if (dockerAnswers()) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            useServer(container.getJdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres"), container.getUsername(),
                    container.getPassword());
        } else {
            useServer(DEFAULT_SERVER, "postgres", "");
        }
    }

    private void useServer(String url, String user, String pass) {
        serverUrl = url;
        username = user;
        password = pass;
        database = "tidecrm_test_" + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1000, 9999);
        execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        current = this;
        System.setProperty("spring.datasource.url", url.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database + "$1"));
        System.setProperty("spring.datasource.username", user);
        System.setProperty("spring.datasource.password", pass);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database == null) {
            return;
        }
        for (int i = CONTEXTS.size() - 1; i >= 0; i--) {
            try {
                CONTEXTS.get(i).close();
            } catch (RuntimeException e) {
                System.err.println("Closing a test context failed: " + e);
            }
        }
        try {
            for (String extra : EXTRA_DATABASES) {
                execute("DROP DATABASE IF EXISTS " + extra + " WITH (FORCE)");
            }
            EXTRA_DATABASES.clear();
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } finally {
            if (container != null) {
                container.stop();
            }
        }
    }

    /**
     * A second database of this run on the same server (e.g. for a context seeded with the demo
     * data), created now and dropped with the run's own; answers its JDBC URL.
     */
    public static synchronized String extraDatabase(String suffix) {
        TestDatabase db = current;
        if (db == null) {
            throw new IllegalStateException("No test database: the launcher session listener did not run");
        }
        String name = db.database + "_" + suffix;
        if (!EXTRA_DATABASES.contains(name)) {
            db.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
            EXTRA_DATABASES.add(name);
        }
        return db.serverUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, username, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: " + sql + " failed on " + serverUrl
                    + ". Is PostgreSQL running? (pg_ctlcluster --skip-systemctl-redirect 15 main start)", e);
        }
    }

    /**
     * Registered for every application context of the test JVM (META-INF/spring.factories), so
     * that {@link #launcherSessionClosed} closes them before it drops their database: closed after
     * the drop (by the JVM's shutdown hooks), a context still uses the database on its way down
     * (the event publication registry lists what is unfinished) and waits for connections to a
     * database that is gone.
     */
    public static class ClosedBeforeTheDrop implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            CONTEXTS.add(context);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

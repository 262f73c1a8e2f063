package io.tidecrm;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Development convenience: creates the configured PostgreSQL database when it does not
 * exist yet, before the data source or Flyway touch it. Only the dev profile turns it on;
 * in production the database is provisioned by whoever runs the server.
 */
@Component
@ConditionalOnBooleanProperty("tidecrm.dev.create-database")
class DevDatabaseCreator implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(DevDatabaseCreator.class);
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String url = environment.getProperty("spring.datasource.url", "");
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            log.info("Not creating a database: {} is not a plain PostgreSQL URL", url);
            return;
        }
        String database = m.group(2);
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        String user = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password)) {
            if (!exists(c, database)) {
                try (Statement s = c.createStatement()) {
                    // The name matched [A-Za-z0-9_]+ above, so quoting it is safe.
                    s.execute("CREATE DATABASE \"" + database + "\" ENCODING 'UTF8'");
                }
                log.info("Created database {}", database);
            }
        } catch (SQLException e) {
            log.warn("Could not check or create database {}: {}", database, e.getMessage());
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

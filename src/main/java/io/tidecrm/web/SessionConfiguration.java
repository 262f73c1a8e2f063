package io.tidecrm.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so that every node shares them. Several
 * requests of one session at the same moment (a double click, two tabs) may each add the same
 * attribute (the CSRF token, a flash message): Spring Session's PostgreSQL customizer writes
 * attributes with {@code INSERT … ON CONFLICT DO UPDATE}, so the second one updates instead of
 * failing on the primary key. A request that changes nothing in the session does not write it:
 * the last-access time is written at most once per {@code tidecrm.session.last-access-resolution}
 * ({@link LastAccessThrottlingSessionRepository}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** The repository the session filter uses (primary); the JDBC one underneath keeps its cleanup job. */
    @Bean
    @Primary
    LastAccessThrottlingSessionRepository lastAccessThrottlingSessionRepository(JdbcIndexedSessionRepository jdbc,
            @Value("${tidecrm.session.last-access-resolution:1m}") Duration resolution) {
        return new LastAccessThrottlingSessionRepository(jdbc, resolution);
    }
}

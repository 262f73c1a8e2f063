package io.tidecrm.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so that every node shares them. Several
 * requests of one session at the same moment (a double click, two tabs) may each add the same
 * attribute (the CSRF token, a flash message): Spring Session's PostgreSQL customizer writes
 * attributes with {@code INSERT … ON CONFLICT DO UPDATE}, so the second one updates instead of
 * failing on the primary key.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}

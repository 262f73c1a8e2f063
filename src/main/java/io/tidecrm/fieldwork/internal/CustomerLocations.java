package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customers' known locations ({@code customer_location}): set by hand, or from the first
 * check-in with a usable fix. Callers check the customer's visibility first.
 */
@Component
class CustomerLocations {

    /** Where the location came from. */
    enum Source {
        MANUAL, CHECK_IN
    }

    record Location(double latitude, double longitude, Source source, Instant setAt) {
    }

    private final JdbcClient jdbc;

    CustomerLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Location> of(long customerId) {
        return jdbc.sql("SELECT latitude, longitude, source, set_at FROM customer_location WHERE customer_id = ?")
                .param(customerId)
                .query((rs, n) -> new Location(rs.getDouble(1), rs.getDouble(2), Source.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Sets the location by hand, replacing what was known. */
    void set(long customerId, double latitude, double longitude, long userId, Instant at) {
        jdbc.sql("""
                INSERT INTO customer_location (customer_id, latitude, longitude, source, set_by_id, set_at)
                VALUES (:customer, :lat, :lng, 'MANUAL', :user, :at)
                ON CONFLICT (customer_id) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                    source = EXCLUDED.source, set_by_id = EXCLUDED.set_by_id, set_at = EXCLUDED.set_at
                """)
                .param("customer", customerId).param("lat", latitude).param("lng", longitude)
                .param("user", userId).param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Sets the location from a check-in unless one is known: two first check-ins at the same moment
     * leave the earlier one's. Answers whether this one set it.
     */
    boolean setFromCheckIn(long customerId, double latitude, double longitude, long userId, Instant at) {
        return jdbc.sql("""
                INSERT INTO customer_location (customer_id, latitude, longitude, source, set_by_id, set_at)
                VALUES (:customer, :lat, :lng, 'CHECK_IN', :user, :at)
                ON CONFLICT (customer_id) DO NOTHING
                """)
                .param("customer", customerId).param("lat", latitude).param("lng", longitude)
                .param("user", userId).param("at", Timestamp.from(at))
                .update() == 1;
    }
}

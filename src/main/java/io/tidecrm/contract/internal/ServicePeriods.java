package io.tidecrm.contract.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import io.tidecrm.contract.ContractsInService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class ServicePeriods implements ContractsInService {

    private final JdbcClient jdbc;

    ServicePeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> customersInService(LocalDate day) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT k.customer_id FROM contract k
                WHERE k.approval_state = 'APPROVED' AND k.status <> 'TERMINATED'
                  AND coalesce(k.service_start, k.sign_date) <= :day
                  AND (k.service_end IS NULL OR k.service_end >= :day)
                """)
                .param("day", Date.valueOf(day))
                .query(Long.class)
                .list());
    }
}

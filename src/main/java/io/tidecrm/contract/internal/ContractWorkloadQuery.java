package io.tidecrm.contract.internal;

import java.math.BigDecimal;

import io.tidecrm.contract.ContractWorkload;
import io.tidecrm.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class ContractWorkloadQuery implements ContractWorkload {

    private final ContractQueries queries;
    private final JdbcClient jdbc;

    ContractWorkloadQuery(ContractQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Counts counts(CurrentUser viewer) {
        long mine = jdbc.sql("SELECT count(*) FROM contract WHERE owner_id = ? AND approval_state = 'SUBMITTED'")
                .param(viewer.id()).query(Long.class).single();
        // One read serves both figures: the week's window holds every overdue instalment too.
        InstalmentsDue week = queries.due(viewer, InstalmentsDue.Window.DAYS_7);
        BigDecimal overdueOutstanding = week.rows().stream().filter(InstalmentsDue.Row::overdue)
                .map(InstalmentsDue.Row::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Counts(queries.pendingCount(viewer), mine, week.overdueCount(), overdueOutstanding,
                week.rows().size(), week.outstanding());
    }
}

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
        Overdue overdue = queries.overdue(viewer);
        long count = overdue.buckets().stream().mapToLong(Overdue.Bucket::count).sum();
        BigDecimal outstanding = overdue.buckets().stream().map(Overdue.Bucket::outstanding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Counts(queries.pendingCount(viewer), mine, count, outstanding);
    }
}

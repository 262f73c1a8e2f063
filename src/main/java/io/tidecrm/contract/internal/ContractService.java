package io.tidecrm.contract.internal;

import java.util.Map;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which contracts a viewer may see: those whose customer is in the viewer's scope, decided in
 * SQL; an id outside it answers 404, the same as an id that does not exist. Every contract
 * service, the attachments and the follow-up panel load contracts through here.
 */
@Service
@Transactional
class ContractService {

    private final ContractRepository contracts;
    private final JdbcClient jdbc;
    private final CustomerManagement customers;

    ContractService(ContractRepository contracts, JdbcClient jdbc, CustomerManagement customers) {
        this.contracts = contracts;
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** Whether the viewer may see the contract: its customer is in their scope. */
    boolean isVisible(long id, CurrentUser viewer) {
        CustomerScope scope = customers.scopeCondition("c", viewer);
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM contract k %s
                               WHERE k.id = :id AND %s)
                """.formatted(CustomerScope.join("c", "k.customer_id"), scope.condition()))
                .param("id", id)
                .params(scope.params())
                .query(Boolean.class)
                .single();
    }

    /** Answers 404 unless the viewer may see the contract. */
    void requireVisible(long id, CurrentUser viewer) {
        if (!isVisible(id, viewer)) {
            throw new ContractNotFoundException();
        }
    }

    /** Loads a contract whose customer the viewer may see, or answers 404. */
    Contract loadVisible(long id, CurrentUser viewer) {
        requireVisible(id, viewer);
        return contracts.findById(id).orElseThrow(ContractNotFoundException::new);
    }

    /** A user's name on a page: "?" for an id that names nobody any more. */
    static String displayName(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }

    /** Free text as stored: stripped, and null when blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

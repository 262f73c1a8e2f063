package io.tidecrm.integration.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import io.tidecrm.audit.AuditTrail;
import io.tidecrm.contract.ContractExport;
import io.tidecrm.customer.CustomerExport;
import io.tidecrm.followup.FollowUpExport;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.sales.OpportunityExport;
import io.tidecrm.support.ExportSink;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Exports for administrators: a module streams its rows from a database cursor straight into the
 * response ({@link TableWriter}), and the audit log records who exported what, with the filter and
 * the row count, once the file is written (or as far as it got, when the download broke off).
 */
@Service
class ExportService {

    private final CustomerExport customers;
    private final FollowUpExport followUps;
    private final OpportunityExport opportunities;
    private final ContractExport contracts;
    private final AuditTrail audit;
    private final UserManagement users;
    private final MessageSource messages;

    ExportService(CustomerExport customers, FollowUpExport followUps, OpportunityExport opportunities,
            ContractExport contracts, AuditTrail audit, UserManagement users, MessageSource messages) {
        this.customers = customers;
        this.followUps = followUps;
        this.opportunities = opportunities;
        this.contracts = contracts;
        this.audit = audit;
        this.users = users;
        this.messages = messages;
    }

    static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Exports are for administrators");
        }
    }

    /** Writes the export to {@code out} and audits it; answers the row count. */
    long export(ExportDataset dataset, ExportFormat format, ExportSink.Period period, CurrentUser user, Locale locale,
            OutputStream out) throws IOException {
        requireAdmin(user);
        TableWriter writer = TableWriter.of(format, out, messages, locale,
                id -> users.findUser(id).map(UserSummary::displayName).orElse("#" + id));
        boolean complete = false;
        try {
            switch (dataset) {
                case CUSTOMERS -> customers.customers(period, writer);
                case CONTACTS -> customers.contacts(period, writer);
                case FOLLOW_UPS -> followUps.followUps(period, writer);
                case OPPORTUNITIES -> opportunities.opportunities(period, writer);
                case CONTRACTS -> contracts.contracts(period, writer);
                case PAYMENTS -> contracts.payments(period, writer);
            }
            writer.close();
            complete = true;
        } finally {
            audit.dataExported(user.id(), user.getUsername(), dataset.name(), "format=" + format + " from="
                    + (period.from() == null ? "-" : period.from()) + " to=" + (period.to() == null ? "-" : period.to())
                    + " rows=" + writer.rowCount() + (complete ? "" : " incomplete"));
        }
        return writer.rowCount();
    }
}

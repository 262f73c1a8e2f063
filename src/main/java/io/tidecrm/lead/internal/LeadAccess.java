package io.tidecrm.lead.internal;

import java.util.Set;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which leads a viewer may see, decided in SQL on the alias {@code l}: a rep their own, a manager
 * those of the users they manage (their teams), an administrator all. Leads in the lead pool
 * (unassigned) are readable by everyone, like pool customers. Any other id answers 404.
 */
@Component
@Transactional(readOnly = true)
class LeadAccess {

    private final JdbcClient jdbc;
    private final UserManagement users;

    LeadAccess(JdbcClient jdbc, UserManagement users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** The viewer's leads (own / team / all), without the pool. */
    Where where(CurrentUser viewer) {
        return switch (viewer.role()) {
            case ADMIN -> new Where("TRUE", java.util.Map.of());
            case MANAGER -> new Where("l.owner_id IN (:leadScope)", java.util.Map.of("leadScope", managed(viewer)));
            case REP -> new Where("l.owner_id = :leadScope", java.util.Map.of("leadScope", viewer.id()));
        };
    }

    /** The viewer's leads and the lead pool. */
    Where readable(CurrentUser viewer) {
        Where own = where(viewer);
        return new Where("(" + own.sql() + " OR l.status = 'NEW')", own.params());
    }

    private Set<Long> managed(CurrentUser viewer) {
        return users.managedUserIds(viewer.id());
    }

    /** Loads a lead the viewer may see (or one in the lead pool), or answers 404. */
    Lead loadReadable(long id, CurrentUser viewer) {
        Where where = readable(viewer).add("l.id = :id", "id", id);
        return jdbc.sql("SELECT " + Lead.COLUMNS + " FROM sales_lead l WHERE " + where.sql())
                .params(where.params())
                .query((rs, n) -> Lead.of(rs))
                .optional()
                .orElseThrow(LeadNotFoundException::new);
    }

    /**
     * The owner works the lead; the owner's manager and administrators may too. An unassigned lead
     * is worked (edited, assigned) by managers and administrators.
     */
    boolean mayWork(Lead lead, CurrentUser viewer) {
        if (lead.ownerId() == null) {
            return viewer.role() != Role.REP;
        }
        return lead.ownerId() == viewer.id() || mayManage(lead, viewer);
    }

    /** A manager of the owner's team or an administrator: reviews invalid marks, reassigns. */
    boolean mayManage(Lead lead, CurrentUser viewer) {
        return switch (viewer.role()) {
            case ADMIN -> true;
            case MANAGER -> lead.ownerId() == null || managed(viewer).contains(lead.ownerId());
            case REP -> false;
        };
    }
}

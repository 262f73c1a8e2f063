package io.tidecrm.audit.internal;

import io.tidecrm.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** {@link AuditTrail} onto the append-only log. */
@Component
class AuditTrailWriter implements AuditTrail {

    private final AuditLog audit;

    AuditTrailWriter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void dataExported(long actorId, String actorName, String dataset, String details) {
        audit.append(AuditKind.DATA_EXPORTED, null, actorId, actorName, dataset, details);
    }
}

package io.tidecrm.audit;

/**
 * Entries that other modules write directly, for actions that are no business event of their
 * own: an administrator's export of data. Written in the caller's transaction (or on its own
 * when there is none).
 */
public interface AuditTrail {

    /**
     * An export: what was exported ({@code dataset}, the format), the filter used and how many rows
     * left the system.
     */
    void dataExported(long actorId, String actorName, String dataset, String details);
}

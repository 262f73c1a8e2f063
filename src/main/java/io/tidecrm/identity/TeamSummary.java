package io.tidecrm.identity;

/** A team and its manager (both manager fields are null when it has none). */
public record TeamSummary(long id, String name, Long managerId, String managerName) {
}

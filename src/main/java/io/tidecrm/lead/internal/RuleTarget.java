package io.tidecrm.lead.internal;

/** Whom a rule gives its leads to: one person, a team in turn, or the team's member with the fewest open leads. */
public enum RuleTarget {
    USER, ROUND_ROBIN, LEAST_LOADED
}

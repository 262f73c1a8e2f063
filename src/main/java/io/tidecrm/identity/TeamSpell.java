package io.tidecrm.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stretch of time a user belonged to a team (or to none).
 *
 * @param teamId the team, null for none
 * @param from since when, null for "since before the history was kept"
 * @param to until when (exclusive), null for "still"
 */
public record TeamSpell(Long teamId, Instant from, Instant to) {

    public boolean covers(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    /** The spell of a user's history that holds this moment, if the history reaches back that far. */
    public static Optional<TeamSpell> at(List<TeamSpell> history, Instant at) {
        return history.stream().filter(s -> s.covers(at)).findFirst();
    }
}

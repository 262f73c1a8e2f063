package io.tidecrm.service.internal;

import io.tidecrm.support.ListQuery;

/**
 * The ticket list's view, filters and page position, bound from the URL (see {@link ListQuery}).
 *
 * @param view mine (the default), all the viewer may see (the team's, for a manager), or the overdue ones
 * @param owner only for managers and administrators (ignored for reps)
 * @param q a part of the title
 */
public record TicketListQuery(TicketView view, TicketStatus status, TicketKind kind, Long owner, String q,
        String cursor) implements ListQuery {

    TicketView viewOrDefault() {
        return view == null ? TicketView.MINE : view;
    }

    TicketListQuery withoutOwner() {
        return new TicketListQuery(view, status, kind, null, q, cursor);
    }

    /** Which tickets a list shows. */
    enum TicketView {
        MINE, ALL, OVERDUE
    }
}

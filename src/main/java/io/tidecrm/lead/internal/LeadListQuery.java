package io.tidecrm.lead.internal;

import io.tidecrm.support.ListQuery;

/**
 * The lead list's view, filters and page position, bound from the URL (see {@link ListQuery}).
 *
 * @param view mine (the default), all the viewer may see, the lead pool, or the invalid ones waiting for review
 * @param owner only for managers and administrators (ignored for reps)
 * @param q a part of the company or contact name
 */
public record LeadListQuery(LeadView view, LeadStatus status, LeadSource source, Long owner, String q, String cursor)
        implements ListQuery {

    LeadView viewOrDefault() {
        return view == null ? LeadView.MINE : view;
    }

    LeadListQuery withoutOwner() {
        return new LeadListQuery(view, status, source, null, q, cursor);
    }

    /** Which leads a list shows. */
    public enum LeadView {
        MINE, ALL, POOL, REVIEW
    }
}

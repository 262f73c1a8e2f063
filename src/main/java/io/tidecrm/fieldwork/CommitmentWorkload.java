package io.tidecrm.fieldwork;

import io.tidecrm.identity.CurrentUser;

/** The commitments (承诺事项) that wait, counted for the home pages. */
public interface CommitmentWorkload {

    /**
     * Open commitments past their due date: a rep's own, a manager's team's, everyone's for an
     * administrator, inside the viewer's customer scope (the same as the commitments page lists).
     */
    long overdue(CurrentUser viewer);
}

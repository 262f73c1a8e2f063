package io.tidecrm.customer.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import org.springframework.stereotype.Component;

/** The one place that turns a viewer into a {@link Scope}. */
@Component
class Visibility {

    private final UserManagement users;

    Visibility(UserManagement users) {
        this.users = users;
    }

    Scope scopeOf(CurrentUser viewer) {
        return switch (viewer.role()) {
            case ADMIN -> Scope.all(viewer);
            case MANAGER -> Scope.owners(viewer, users.managedUserIds(viewer.id()));
            case REP -> Scope.owners(viewer, java.util.Set.of(viewer.id()));
        };
    }
}

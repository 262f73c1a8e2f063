package io.tidecrm.identity.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record TeamForm(@NotBlank @Size(max = 100) String name, @Label("team.manager") Long managerId, Long version) {

    static TeamForm empty() {
        return new TeamForm("", null, null);
    }

    static TeamForm of(Team t) {
        return new TeamForm(t.getName(), t.getManager() == null ? null : t.getManager().getId(), t.getVersion());
    }
}

package io.tidecrm.identity.internal;

import io.tidecrm.support.Label;

/** Change of one's own password (current one required) or an administrator's reset (current unused). */
record PasswordForm(@Label("password.current") String currentPassword, @Label("password.new") String newPassword,
        @Label("password.confirm") String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}

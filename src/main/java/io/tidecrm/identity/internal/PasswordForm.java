package io.tidecrm.identity.internal;

/** Change of one's own password (current one required) or an administrator's reset (current unused). */
record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}

package io.tidecrm.identity.internal;

import io.tidecrm.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A production install starts with no users: when no administrator exists and
 * TIDECRM_INITIAL_ADMIN_PASSWORD is set, the first administrator is created from it.
 */
@Component
@Order(20)
class InitialAdminCreator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminCreator.class);

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final String username;
    private final String password;

    InitialAdminCreator(UserAccountRepository users, PasswordEncoder encoder, PasswordPolicy policy,
            @Value("${tidecrm.initial-admin.username:admin}") String username,
            @Value("${tidecrm.initial-admin.password:}") String password) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.countByRoleAndEnabledTrue(Role.ADMIN) > 0) {
            return;
        }
        if (!StringUtils.hasText(password)) {
            log.warn("No enabled administrator exists. Set TIDECRM_INITIAL_ADMIN_PASSWORD to create one.");
            return;
        }
        if (policy.check(password) != null || users.existsByUsernameIgnoreCase(username)) {
            log.error("Cannot create the initial administrator {}: the name is taken or the password is too weak",
                    username);
            return;
        }
        users.save(new UserAccount(username, username, Role.ADMIN, encoder.encode(password)));
        log.info("Created the initial administrator {}", username);
    }
}

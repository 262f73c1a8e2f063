package io.tidecrm.identity.internal;

import io.tidecrm.identity.LoginThrottledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username/password sign-in behind the brute-force throttle. A disabled account fails like
 * a wrong password, so that the page never tells which names exist.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final LoginProperties properties;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle,
            LoginProperties properties) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.properties = properties;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (authentication.getName().chars().anyMatch(Character::isISOControl)) {
            // No account has such a name (UserForm allows none), and PostgreSQL refuses a NUL in
            // text: without this check the throttle's query fails and the sign-in ends in a 500.
            throw new BadCredentialsException("Bad credentials");
        }
        String key = LoginThrottle.userKey(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? LoginThrottle.addressKey(web.getRemoteAddress()) : null;
        if (throttle.isLocked(key) || (address != null && throttle.isLocked(address))) {
            throw new LoginThrottledException(properties.lockDuration());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.reset(key);
            return result;
        } catch (BadCredentialsException | DisabledException e) {
            // Per name (guessing one account's password) and per address (trying many names).
            boolean nameLocked = throttle.recordFailure(key);
            boolean addressLocked = address != null
                    && throttle.recordFailure(address, properties.maxFailuresPerAddress());
            if (nameLocked || addressLocked) {
                throw new LoginThrottledException(properties.lockDuration());
            }
            throw new BadCredentialsException("Bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

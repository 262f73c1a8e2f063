package io.tidecrm.identity.internal;

import io.tidecrm.identity.LoginThrottledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

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
        if (throttle.isLocked(key)) {
            throw new LoginThrottledException(properties.lockDuration());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.reset(key);
            return result;
        } catch (BadCredentialsException | DisabledException e) {
            if (throttle.recordFailure(key)) {
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

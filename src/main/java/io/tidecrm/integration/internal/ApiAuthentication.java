package io.tidecrm.integration.internal;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal access token: the token's user, with that user's role,
 * and the token's scope as the authorities {@code SCOPE_api.read} and (read-write tokens only)
 * {@code SCOPE_api.write}.
 */
public final class ApiAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String READ = "SCOPE_api.read";
    static final String WRITE = "SCOPE_api.write";

    private final CurrentUser user;
    private final long tokenId;
    private final String tokenName;

    ApiAuthentication(CurrentUser user, long tokenId, String tokenName, TokenScope scope) {
        super(authorities(user, scope));
        this.user = user;
        this.tokenId = tokenId;
        this.tokenName = tokenName;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(CurrentUser user, TokenScope scope) {
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(READ));
        if (scope == TokenScope.READ_WRITE) {
            authorities.add(new SimpleGrantedAuthority(WRITE));
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    public long tokenId() {
        return tokenId;
    }

    public String tokenName() {
        return tokenName;
    }
}

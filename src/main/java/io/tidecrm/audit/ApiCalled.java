package io.tidecrm.audit;

import java.time.Instant;

/**
 * A call of the REST API was answered (module integration publishes it once the answer is
 * written): the audit log records it as an API call, with the name of the access token used.
 *
 * @param userId the token's user
 * @param target the method's path and query, e.g. {@code /api/v1/customers?cursor=12}
 * @param status the HTTP status of the answer
 */
public record ApiCalled(long userId, String username, String tokenName, String method, String target, int status,
        Instant calledAt) {
}

package io.tidecrm.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC repository, writing a session's last-access time at most once per
 * {@code resolution} instead of on every request.
 *
 * <p>Spring Session stamps the last-access time on each request it reads the session in, which
 * marks the session changed, so that every GET ended with {@code UPDATE SPRING_SESSION} and a
 * commit (2 to 4 ms), and sixteen tabs of one user queued on that row. Spring Session has no
 * setting for this (flush mode {@code ON_SAVE} and save mode {@code ON_SET_ATTRIBUTE}, the
 * defaults, already hold attribute writes back until something changes), so this decorator
 * ignores a new last-access time that is less than {@code resolution} after the stored one.
 * The price: an idle session may expire up to {@code resolution} before its full timeout (with
 * the defaults, after 29 instead of 30 minutes). Everything else, attributes, new sessions,
 * session id changes at sign-in, deletion and the expired-session cleanup, is the JDBC
 * repository's own.
 *
 * <p>It also saves the session filter a second read: after saving a session at the end of a
 * request, {@code SessionRepositoryFilter} looks the requested session up again to compare ids,
 * which was a second {@code SELECT} on every request. The session just saved on this thread is
 * handed back instead; {@link #forgetSaved()} (a filter around the session filter) makes sure it
 * never outlives the request.
 */
final class LastAccessThrottlingSessionRepository
        implements FindByIndexNameSessionRepository<LastAccessThrottlingSessionRepository.ThrottledSession>, DisposableBean {

    private static final ThreadLocal<ThrottledSession> SAVED = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> delegate;
    private final DisposableBean delegateShutdown;
    private final Duration resolution;

    @SuppressWarnings("unchecked")
    LastAccessThrottlingSessionRepository(FindByIndexNameSessionRepository<? extends Session> delegate,
            DisposableBean delegateShutdown, Duration resolution) {
        // The JDBC repository's session type is package-private; it only ever gets its own sessions back.
        this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
        this.delegateShutdown = delegateShutdown;
        this.resolution = resolution;
    }

    /** Stops the JDBC repository's cleanup job, as the container would have. */
    @Override
    public void destroy() throws Exception {
        delegateShutdown.destroy();
    }

    @Override
    public ThrottledSession createSession() {
        return new ThrottledSession(delegate.createSession(), Duration.ZERO);
    }

    @Override
    public void save(ThrottledSession session) {
        delegate.save(session.delegate);
        SAVED.set(session);
    }

    @Override
    public ThrottledSession findById(String id) {
        ThrottledSession saved = SAVED.get();
        SAVED.remove();
        if (saved != null && saved.getId().equals(id)) {
            return saved;
        }
        Session session = delegate.findById(id);
        return session == null ? null : new ThrottledSession(session, resolution);
    }

    /** Ends the hand-back of {@link #findById}: called before and after each request. */
    static void forgetSaved() {
        SAVED.remove();
    }

    @Override
    public void deleteById(String id) {
        SAVED.remove();
        delegate.deleteById(id);
    }

    @Override
    public Map<String, ThrottledSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, ThrottledSession> sessions = new LinkedHashMap<>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new ThrottledSession(session, resolution)));
        return sessions;
    }

    /** A stored session whose last-access time moves only in steps of at least the resolution. */
    static final class ThrottledSession implements Session {

        private final Session delegate;
        private final Duration resolution;

        ThrottledSession(Session delegate, Duration resolution) {
            this.delegate = delegate;
            this.resolution = resolution;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(delegate.getLastAccessedTime(), lastAccessedTime).compareTo(resolution) >= 0) {
                delegate.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}

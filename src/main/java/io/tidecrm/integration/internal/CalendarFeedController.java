package io.tidecrm.integration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.fieldwork.FieldworkAgenda;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar feed at a user's secret address: the next follow-ups of the customers they own
 * (from a week back, so that an overdue one stays in sight, to 60 days ahead), their planned
 * visits and open commitments. Each event has a stable UID (one per customer's next follow-up,
 * per visit, per commitment), so that a phone updates an event rather than adding a second one.
 */
@RestController
class CalendarFeedController {

    static final int MAX_EVENTS = 500;
    private static final Duration BACK = Duration.ofDays(7);
    private static final Duration AHEAD = Duration.ofDays(60);

    private final CalendarFeeds feeds;
    private final UserManagement users;
    private final UserDetailsService accounts;
    private final CustomerManagement customers;
    private final FieldworkAgenda fieldwork;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    CalendarFeedController(CalendarFeeds feeds, UserManagement users, UserDetailsService accounts,
            CustomerManagement customers, FieldworkAgenda fieldwork, MessageSource messages, Clock clock,
            @Value("${tidecrm.base-url:http://localhost:8080}") String baseUrl) {
        this.feeds = feeds;
        this.users = users;
        this.accounts = accounts;
        this.customers = customers;
        this.fieldwork = fieldwork;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping("/api/calendar/{secret}.ics")
    @Transactional(readOnly = true)
    ResponseEntity<String> feed(@PathVariable String secret) {
        Optional<UserSummary> user = secret.length() > 100 ? Optional.empty()
                : feeds.userOf(secret).flatMap(users::findUser).filter(UserSummary::enabled);
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
        }
        CurrentUser owner = (CurrentUser) accounts.loadUserByUsername(user.get().username());
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        Instant now = clock.instant();
        IcsWriter ics = new IcsWriter("Tide CRM · " + owner.displayName(), now, clock.getZone());
        for (CustomerRef c : customers.findDue(owner, now.plus(AHEAD), MAX_EVENTS)) {
            if (c.ownerId() != null && c.ownerId() == owner.id() && c.nextFollowUpAt() != null
                    && c.nextFollowUpAt().isAfter(now.minus(BACK))) {
                ics.event("customer-" + c.id() + "-next-follow-up@tidecrm", c.nextFollowUpAt(), 30,
                        messages.getMessage("calendarFeed.followUp", new Object[] { c.name() }, locale), null,
                        baseUrl + "/customers/" + c.id());
            }
        }
        for (FieldworkAgenda.PlannedVisit v : fieldwork.plannedVisits(owner.id(), now.minus(BACK), now.plus(AHEAD),
                MAX_EVENTS)) {
            ics.event("visit-" + v.id() + "@tidecrm", v.plannedAt(), 60,
                    messages.getMessage("calendarFeed.visit", new Object[] { v.customerName() }, locale),
                    v.purpose() + (v.place() == null ? "" : "\n" + v.place()), baseUrl + "/visits/" + v.id());
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        for (FieldworkAgenda.DueCommitment k : fieldwork.openCommitments(owner.id(), today.minusDays(BACK.toDays()),
                today.plusDays(AHEAD.toDays()), MAX_EVENTS)) {
            ics.allDay("commitment-" + k.id() + "@tidecrm", k.dueDate(),
                    messages.getMessage("calendarFeed.commitment", new Object[] { k.customerName() }, locale),
                    k.content(), baseUrl + "/customers/" + k.customerId());
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(ics.end());
    }
}

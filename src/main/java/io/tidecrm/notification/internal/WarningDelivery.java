package io.tidecrm.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.pool.PoolWarned;
import io.tidecrm.service.TicketDueSoon;
import io.tidecrm.service.TicketEscalated;
import io.tidecrm.support.Times;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the pool warning digest outside the app once the warning run has committed: by
 * e-mail when SMTP is configured and the owner has an address, and to the owner's team's
 * group robot (WeCom or DingTalk markdown) when the team has one. A ticket's reminder and its
 * escalation (module service) go to the owner's team's group robot the same way.
 *
 * <p>The two deliveries are separate listeners, each recorded in the event publication registry:
 * a failure throws, so that its publication stays incomplete and is retried, and a failed e-mail
 * is retried without posting the robot message again (nor the other way round). The robot is
 * called with connect and read timeouts, so that one that does not answer holds a delivery
 * thread only that long.
 */
@Component
class WarningDelivery {

    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final ObjectProvider<JavaMailSender> mail;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Times times;
    private final WebhookDeliveries robots;
    private final JsonMapper json;
    private final String baseUrl;
    private final String from;

    WarningDelivery(ObjectProvider<JavaMailSender> mail, UserManagement users, JdbcClient jdbc,
            MessageSource messages, Times times, WebhookDeliveries robots, JsonMapper json,
            @Value("${tidecrm.base-url:http://localhost:8080}") String baseUrl,
            @Value("${tidecrm.mail-from:Tide CRM <crm@localhost>}") String from) {
        this.mail = mail;
        this.users = users;
        this.jdbc = jdbc;
        this.messages = messages;
        this.times = times;
        this.robots = robots;
        this.json = json;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.from = from;
    }

    /**
     * The digest by e-mail; nothing to do without SMTP or without the owner's address. Without a
     * transaction (it writes nothing): a slow mail server must not hold a database connection.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void mail(PoolWarned event) {
        JavaMailSender sender = mail.getIfAvailable();
        Optional<UserSummary> owner = users.findUser(event.ownerId());
        if (sender == null || owner.isEmpty() || event.customers().isEmpty()
                || !StringUtils.hasText(owner.get().email())) {
            return;
        }
        String deadline = times.dateTime(event.customers().get(0).deadline());
        String lines = event.customers().stream()
                .map(c -> "- " + c.name() + "（" + times.dateTime(c.deadline()) + "）  " + baseUrl + "/customers/" + c.id())
                .collect(Collectors.joining("\n"));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(owner.get().email());
        message.setSubject(subject(event));
        message.setText(messages.getMessage("mail.poolWarning.body",
                new Object[] { owner.get().displayName(), event.customers().size(), deadline, lines }, LOCALE));
        sender.send(message);
    }

    /**
     * The digest to the group robot of the owner's team; nothing to do when the team has none.
     * Without a transaction (it writes nothing): a slow robot must not hold a database connection.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void robot(PoolWarned event) {
        Optional<UserSummary> owner = users.findUser(event.ownerId());
        if (owner.isEmpty() || event.customers().isEmpty()) {
            return;
        }
        String subject = subject(event);
        List<PoolWarned.Customer> customers = event.customers();
        String markdown = "### " + subject + "\n" + messages.getMessage("mail.poolWarning.owner",
                new Object[] { owner.get().displayName() }, LOCALE) + "\n"
                + customers.stream().map(c -> "- [" + c.name().replace("]", "］") + "](" + baseUrl + "/customers/"
                        + c.id() + ") " + times.dateTime(c.deadline())).collect(Collectors.joining("\n"));
        post(owner.get().teamId(), subject, markdown);
    }

    /** A ticket's due time is near: to the group robot of the owner's team, once (module service). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void robot(TicketDueSoon event) {
        users.findUser(event.ownerId()).ifPresent(owner -> ticketToRobot(owner.teamId(),
                "notification.TICKET_DUE_SOON." + event.target(), event.ticketId(), event.title(), event.customerName(),
                event.dueAt(), owner.displayName()));
    }

    /** A ticket missed its due time: the escalation to the group robot of the owner's team, once (module service). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void robot(TicketEscalated event) {
        users.findUser(event.ownerId()).ifPresent(owner -> ticketToRobot(owner.teamId(),
                "notification.TICKET_ESCALATED." + event.target(), event.ticketId(), event.title(), event.customerName(),
                event.dueAt(), owner.displayName()));
    }

    private void ticketToRobot(Long teamId, String key, long ticketId, String title, String customerName,
            java.time.Instant dueAt, String ownerName) {
        String text = messages.getMessage(key, new Object[] { title, customerName, times.dateTime(dueAt), ownerName },
                LOCALE);
        post(teamId, text, "### " + text + "\n[" + baseUrl + "/tickets/" + ticketId + "](" + baseUrl + "/tickets/"
                + ticketId + ")");
    }

    /** Posts markdown to the team's group robot (WeCom or DingTalk); nothing to do when the team has none. */
    private void post(Long teamId, String subject, String markdown) {
        if (teamId == null) {
            return;
        }
        record Hook(String url, String format) {
        }
        Optional<Hook> hook = jdbc.sql("SELECT url, format FROM team_webhook WHERE team_id = ?")
                .param(teamId)
                .query((rs, n) -> new Hook(rs.getString(1), rs.getString(2)))
                .optional();
        if (hook.isEmpty()) {
            return;
        }
        Map<String, Object> payload = "DINGTALK".equals(hook.get().format())
                ? Map.of("msgtype", "markdown", "markdown", Map.of("title", subject, "text", markdown))
                : Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown));
        robots.deliverToRobot(teamId, hook.get().url(), json.writeValueAsString(payload));
    }

    private String subject(PoolWarned event) {
        return messages.getMessage("mail.poolWarning.subject",
                new Object[] { event.customers().size(), times.dateTime(event.customers().get(0).deadline()) }, LOCALE);
    }
}

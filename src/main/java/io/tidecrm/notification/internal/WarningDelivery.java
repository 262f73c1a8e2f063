package io.tidecrm.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.pool.PoolWarned;
import io.tidecrm.support.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Sends the pool warning digest outside the app once the warning run has committed: by
 * e-mail when SMTP is configured and the owner has an address, and to the owner's team's
 * group robot (WeCom or DingTalk markdown) when the team has one. A failed delivery is logged;
 * the in-app notice is already saved.
 */
@Component
class WarningDelivery {

    private static final Logger log = LoggerFactory.getLogger(WarningDelivery.class);
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final ObjectProvider<JavaMailSender> mail;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Times times;
    private final RestClient http;
    private final String baseUrl;
    private final String from;

    WarningDelivery(ObjectProvider<JavaMailSender> mail, UserManagement users, JdbcClient jdbc,
            MessageSource messages, Times times,
            @Value("${tidecrm.base-url:http://localhost:8080}") String baseUrl,
            @Value("${tidecrm.mail-from:Tide CRM <crm@localhost>}") String from) {
        this.mail = mail;
        this.users = users;
        this.jdbc = jdbc;
        this.messages = messages;
        this.times = times;
        this.http = RestClient.create();
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.from = from;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PoolWarned event) {
        Optional<UserSummary> owner = users.findUser(event.ownerId());
        if (owner.isEmpty() || event.customers().isEmpty()) {
            return;
        }
        String deadline = times.dateTime(event.customers().get(0).deadline());
        String subject = messages.getMessage("mail.poolWarning.subject",
                new Object[] { event.customers().size(), deadline }, LOCALE);
        String lines = event.customers().stream()
                .map(c -> "- " + c.name() + "（" + times.dateTime(c.deadline()) + "）  " + baseUrl + "/customers/" + c.id())
                .collect(Collectors.joining("\n"));
        String body = messages.getMessage("mail.poolWarning.body",
                new Object[] { owner.get().displayName(), event.customers().size(), deadline, lines }, LOCALE);
        sendMail(owner.get(), subject, body);
        if (owner.get().teamId() != null) {
            sendWebhook(owner.get(), subject, event.customers());
        }
    }

    private void sendMail(UserSummary owner, String subject, String body) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || !StringUtils.hasText(owner.email())) {
            return;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(owner.email());
            message.setSubject(subject);
            message.setText(body);
            sender.send(message);
        } catch (RuntimeException e) {
            log.warn("Pool warning mail to user {} failed: {}", owner.id(), e.toString());
        }
    }

    private void sendWebhook(UserSummary owner, String subject, List<PoolWarned.Customer> customers) {
        record Hook(String url, String format) {
        }
        Optional<Hook> hook = jdbc.sql("SELECT url, format FROM team_webhook WHERE team_id = ?")
                .param(owner.teamId())
                .query((rs, n) -> new Hook(rs.getString(1), rs.getString(2)))
                .optional();
        if (hook.isEmpty()) {
            return;
        }
        String markdown = "### " + subject + "\n" + messages.getMessage("mail.poolWarning.owner",
                new Object[] { owner.displayName() }, LOCALE) + "\n"
                + customers.stream().map(c -> "- [" + c.name().replace("]", "］") + "](" + baseUrl + "/customers/"
                        + c.id() + ") " + times.dateTime(c.deadline())).collect(Collectors.joining("\n"));
        Map<String, Object> payload = "DINGTALK".equals(hook.get().format())
                ? Map.of("msgtype", "markdown", "markdown", Map.of("title", subject, "text", markdown))
                : Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown));
        try {
            http.post().uri(hook.get().url()).contentType(MediaType.APPLICATION_JSON).body(payload).retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("Pool warning webhook of team {} failed: {}", owner.teamId(), e.toString());
        }
    }
}

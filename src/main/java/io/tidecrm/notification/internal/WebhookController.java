package io.tidecrm.notification.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.Flash;
import io.tidecrm.support.RuleChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import jakarta.validation.Valid;
import java.util.UUID;

/**
 * Administrators set each team's group-robot webhook (WeCom or DingTalk, with DingTalk's signing
 * secret when the robot has signing on), define webhook subscriptions (address, secret, events)
 * with a "send test" button, and read the delivery log that both share.
 */
@Controller
class WebhookController {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    WebhookController(JdbcClient jdbc, UserManagement users, ApplicationEventPublisher events,
            WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        Map<Long, String[]> hooks = new HashMap<>();
        jdbc.sql("SELECT team_id, url, format, secret IS NOT NULL AND secret <> '' FROM team_webhook")
                .query((rs, n) -> hooks.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3),
                        Boolean.toString(rs.getBoolean(4)) }))
                .list();
        model.addAttribute("teams", users.findTeams());
        model.addAttribute("hooks", hooks);
        model.addAttribute("subscriptions", subscriptions.list());
        model.addAttribute("eventChoices", WebhookEvent.subscribable());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WebhookSubscriptionForm.empty());
        }
        return "notification/webhooks";
    }

    @PostMapping("/admin/webhooks/subscriptions")
    @Transactional
    String subscribe(@Valid @ModelAttribute("form") WebhookSubscriptionForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return list(model);
        }
        long id = subscriptions.create(form);
        events.publishEvent(new RuleChanged("webhook.subscription." + id, null,
                form.url().strip() + " " + form.events(), user.id(), clock.instant()));
        Flash.success(redirect, "webhookSubscription.saved");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/subscriptions/{subscriptionId}/test")
    @Transactional
    String sendTest(@PathVariable long subscriptionId, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        subscriptions.target(subscriptionId).orElseThrow(WebhookController::notFound);
        events.publishEvent(new WebhookTestRequested(subscriptionId, UUID.randomUUID(), user.id(), clock.instant()));
        Flash.success(redirect, "webhookSubscription.testSent");
        return "redirect:/admin/webhooks/deliveries";
    }

    @PostMapping("/admin/webhooks/subscriptions/{subscriptionId}/active")
    @Transactional
    String setActive(@PathVariable long subscriptionId, @RequestParam(defaultValue = "false") boolean active,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (!subscriptions.setActive(subscriptionId, active)) {
            throw notFound();
        }
        events.publishEvent(new RuleChanged("webhook.subscription." + subscriptionId + ".active", null,
                Boolean.toString(active), user.id(), clock.instant()));
        Flash.success(redirect, "webhookSubscription.saved");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/subscriptions/{subscriptionId}/delete")
    @Transactional
    String delete(@PathVariable long subscriptionId, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        if (!subscriptions.delete(subscriptionId)) {
            throw notFound();
        }
        events.publishEvent(new RuleChanged("webhook.subscription." + subscriptionId, "deleted", null, user.id(),
                clock.instant()));
        Flash.success(redirect, "webhookSubscription.deleted");
        return "redirect:/admin/webhooks";
    }

    /** The delivery log of subscriptions and group robots, newest first. */
    @GetMapping("/admin/webhooks/deliveries")
    String deliveries(@RequestParam(name = "cursor", required = false) String cursor, Model model) {
        model.addAttribute("page", deliveries.list(cursor));
        return "notification/webhook-deliveries";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    @PostMapping("/admin/webhooks/{teamId}")
    @Transactional
    String save(@PathVariable long teamId, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "WECOM") String format, @RequestParam(required = false) String secret,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (users.findTeams().stream().noneMatch(t -> t.id() == teamId)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        String cleaned = url.strip();
        String signing = secret == null ? null : secret.strip();
        if (!cleaned.isEmpty() && (!cleaned.matches("https?://[^\\s<>\"']{3,490}")
                || !(format.equals("WECOM") || format.equals("DINGTALK"))
                || (signing != null && signing.length() > 100))) {
            Flash.error(redirect, "webhook.invalid");
            return "redirect:/admin/webhooks";
        }
        String before = jdbc.sql("SELECT url FROM team_webhook WHERE team_id = ?").param(teamId).query(String.class)
                .optional().orElse("");
        if (cleaned.isEmpty()) {
            jdbc.sql("DELETE FROM team_webhook WHERE team_id = ?").param(teamId).update();
        } else {
            jdbc.sql("""
                    INSERT INTO team_webhook (team_id, url, format, secret) VALUES (?, ?, ?, ?)
                    ON CONFLICT (team_id) DO UPDATE SET url = EXCLUDED.url, format = EXCLUDED.format,
                        secret = CASE WHEN CAST(? AS boolean) THEN team_webhook.secret ELSE EXCLUDED.secret END
                    """).params(teamId, cleaned, format, signing == null || signing.isEmpty() ? null : signing,
                    signing == null || signing.isEmpty()).update();
        }
        events.publishEvent(new RuleChanged("team." + teamId + ".webhook", before, cleaned, user.id(), clock.instant()));
        Flash.success(redirect, "webhook.saved");
        return "redirect:/admin/webhooks";
    }
}

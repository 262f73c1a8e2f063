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

/** Administrators set each team's group-robot webhook (WeCom or DingTalk). */
@Controller
class WebhookController {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebhookController(JdbcClient jdbc, UserManagement users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        Map<Long, String[]> hooks = new HashMap<>();
        jdbc.sql("SELECT team_id, url, format FROM team_webhook")
                .query((rs, n) -> hooks.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) }))
                .list();
        model.addAttribute("teams", users.findTeams());
        model.addAttribute("hooks", hooks);
        return "notification/webhooks";
    }

    @PostMapping("/admin/webhooks/{teamId}")
    @Transactional
    String save(@PathVariable long teamId, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "WECOM") String format, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        if (users.findTeams().stream().noneMatch(t -> t.id() == teamId)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        String cleaned = url.strip();
        if (!cleaned.isEmpty() && (!cleaned.matches("https?://[^\\s<>\"']{3,490}")
                || !(format.equals("WECOM") || format.equals("DINGTALK")))) {
            Flash.error(redirect, "webhook.invalid");
            return "redirect:/admin/webhooks";
        }
        String before = jdbc.sql("SELECT url FROM team_webhook WHERE team_id = ?").param(teamId).query(String.class)
                .optional().orElse("");
        if (cleaned.isEmpty()) {
            jdbc.sql("DELETE FROM team_webhook WHERE team_id = ?").param(teamId).update();
        } else {
            jdbc.sql("""
                    INSERT INTO team_webhook (team_id, url, format) VALUES (?, ?, ?)
                    ON CONFLICT (team_id) DO UPDATE SET url = EXCLUDED.url, format = EXCLUDED.format
                    """).params(teamId, cleaned, format).update();
        }
        events.publishEvent(new RuleChanged("team." + teamId + ".webhook", before, cleaned, user.id(), clock.instant()));
        Flash.success(redirect, "webhook.saved");
        return "redirect:/admin/webhooks";
    }
}

package io.tidecrm.notification.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tidecrm.report.DailyBoardsPublished;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evening push of the leaderboard: a notice in the inbox of each member of the team (the
 * leader of the main board and the team's total), and the top five of each main board with the
 * team's totals to the team's group robot. Two listeners, each recorded in the event
 * publication registry and retried on its own, as for the pool warnings.
 */
@Component
class LeaderboardDelivery {

    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final WebhookDeliveries robots;
    private final JsonMapper json;
    private final String baseUrl;

    LeaderboardDelivery(Inbox inbox, JdbcClient jdbc, MessageSource messages, WebhookDeliveries robots, JsonMapper json,
            @Value("${tidecrm.base-url:http://localhost:8080}") String baseUrl) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.messages = messages;
        this.robots = robots;
        this.json = json;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void inbox(DailyBoardsPublished event) {
        DailyBoardsPublished.BoardTop main = event.boards().get(0);
        String leader = main.top().isEmpty() ? "—" : main.top().get(0).name();
        String leaderValue = main.top().isEmpty() ? "—" : figure(main, main.top().get(0).value());
        inbox.notify(event.memberIds(), NotificationKind.LEADERBOARD_DAILY, "notification.LEADERBOARD_DAILY",
                List.of(event.day().toString(), leader, leaderValue, event.teamName(), figure(main, main.teamTotal())),
                event.link(), event.publishedAt());
    }

    /** Without a transaction (it writes nothing): a slow robot must not hold a database connection. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void robot(DailyBoardsPublished event) {
        record Hook(String url, String format) {
        }
        Optional<Hook> hook = jdbc.sql("SELECT url, format FROM team_webhook WHERE team_id = ?")
                .param(event.teamId())
                .query((rs, n) -> new Hook(rs.getString(1), rs.getString(2)))
                .optional();
        if (hook.isEmpty()) {
            return;
        }
        String title = messages.getMessage("robot.leaderboard.title", new Object[] { event.day().toString() }, LOCALE);
        List<String> lines = new ArrayList<>();
        lines.add("### " + title);
        for (DailyBoardsPublished.BoardTop board : event.boards()) {
            lines.add("**" + messages.getMessage(board.boardKey(), null, LOCALE) + "**");
            if (board.top().isEmpty()) {
                lines.add(messages.getMessage("robot.leaderboard.nobody", null, LOCALE));
            }
            board.top().forEach(e -> lines.add(e.rank() + ". " + e.name() + "  " + figure(board, e.value())));
            lines.add(messages.getMessage("robot.leaderboard.teamTotal",
                    new Object[] { event.teamName(), figure(board, board.teamTotal()) }, LOCALE));
        }
        lines.add("[" + messages.getMessage("robot.leaderboard.open", null, LOCALE) + "](" + baseUrl + event.link() + ")");
        String markdown = String.join("\n", lines);
        Map<String, Object> payload = "DINGTALK".equals(hook.get().format())
                ? Map.of("msgtype", "markdown", "markdown", Map.of("title", title, "text", markdown))
                : Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown));
        robots.deliverToRobot(event.teamId(), hook.get().url(), json.writeValueAsString(payload));
    }

    private static String figure(DailyBoardsPublished.BoardTop board, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat(board.money() ? "¥#,##0.00" : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}

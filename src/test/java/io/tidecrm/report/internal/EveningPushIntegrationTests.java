package io.tidecrm.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The evening push of the day's boards: to the team's group robot (a loopback receiver here) and the inbox, once per firing. */
@IntegrationTest
class EveningPushIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    ReportJobs jobs;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Deliveries deliveries;

    HttpServer robot;
    final List<String> payloads = new CopyOnWriteArrayList<>();
    CurrentUser manager;

    @BeforeEach
    void aTeamWithAGroupRobotOnLoopback() throws IOException {
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/hook", exchange -> {
            payloads.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        robot.start();
        manager = users.newManagerOfNewTeam("推送");
        jdbc.sql("INSERT INTO team_webhook (team_id, url, format) VALUES (?, ?, 'WECOM')")
                .params(manager.teamId(), "http://127.0.0.1:" + robot.getAddress().getPort() + "/hook").update();
    }

    @AfterEach
    void stop() {
        jdbc.sql("DELETE FROM team_webhook WHERE team_id = ?").params(manager.teamId()).update();
        robot.stop(0);
    }

    @Test
    void theDaysBoardsGoToTheTeamsRobotAndInboxOncePerFiring() {
        LocalDate day = LocalDate.of(2027, 11, 20);
        CurrentUser first = users.newUser("推送甲", Role.REP, manager.getUsername());
        CurrentUser second = users.newUser("推送乙", Role.REP, manager.getUsername());
        LedgerFixtures facts = new LedgerFixtures(publisher, tx, deliveries);
        facts.payment(first, manager.teamId(), day, "3000.00", 1);
        facts.payment(second, manager.teamId(), day, "1200.50", 1);
        Instant firing = day.atTime(21, 0).atZone(ZONE).toInstant();
        clock.setInstant(firing);

        assertThat(jobs.push(firing, false).status()).isEqualTo("DONE");
        deliveries.awaitAll();
        assertThat(jobs.push(firing, false).status()).isEqualTo("SKIPPED");
        deliveries.awaitAll();

        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0)).contains("2027-11-20 数据大榜", "回款金额", "1. " + first.displayName() + "  ¥3,000.00",
                "2. " + second.displayName() + "  ¥1,200.50", "合计：¥4,200.50",
                "/leaderboard?period=DAY&date=2027-11-20&team=" + manager.teamId());
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'LEADERBOARD_DAILY' AND recipient_id IN (?, ?, ?)")
                .params(first.id(), second.id(), manager.id()).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT message_args FROM notification WHERE kind = 'LEADERBOARD_DAILY' AND recipient_id = ?")
                .params(second.id()).query(String.class).single()).contains(first.displayName(), "¥3,000.00",
                        "¥4,200.50");
    }
}

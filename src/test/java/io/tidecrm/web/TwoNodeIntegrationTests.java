package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidecrm.CrmApplication;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.ReliabilityFigures;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one database (this test's server and a second one started beside
 * it): a session opened on one is valid on the other, and signing out on one ends it on both.
 */
@BrowserTest
class TwoNodeIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    static ConfigurableApplicationContext nodeB;

    @LocalServerPort
    int portA;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startSecondNode() {
        nodeB = new SpringApplicationBuilder(CrmApplication.class)
                .profiles("test")
                // Arguments, not default properties: application.yml's server.port would win over those.
                // Quartz keeps schedulers and their connection providers in JVM-wide registries by
                // scheduler name: the second node in this JVM needs a name of its own, or closing it
                // would close the data source of the first. (Separate JVMs share the name: see
                // reliability/run and QuartzClusterIntegrationTests for the cluster.)
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.quartz.scheduler-name=tidecrm-node-b",
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=tidecrm-node-b");
    }

    @AfterAll
    static void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aSignInOnOneNodeIsValidOnTheOtherAndSignOutEndsItOnBoth() throws Exception {
        int portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
        String session = signIn(portA, "rep1");

        HttpResponse<String> onB = get(portB, "/", session);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("欢迎，张伟");

        // Sign out on B (with a token from B's page), then A no longer knows the session either.
        String token = csrf(get(portB, "/", session).body());
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/logout"))
                .header("Cookie", "SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        HttpResponse<String> onA = get(portA, "/", session);
        assertThat(onA.statusCode()).isEqualTo(302);
        assertThat(onA.headers().firstValue("Location").orElse("")).endsWith("/login");
        ReliabilityFigures.record("two-nodes.txt", "two nodes in the test suite: sign-in on A valid on B, sign-out on B"
                + " ends it on A");
    }

    private String signIn(int port, String username) throws Exception {
        HttpResponse<String> page = get(port, "/login", null);
        String anonymous = cookie(page);
        String body = "username=" + enc(username) + "&password=" + enc(TestUsers.DEMO_PASSWORD) + "&_csrf="
                + enc(csrf(page.body()));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", "SESSION=" + anonymous)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(login);
    }

    private HttpResponse<String> get(int port, String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no SESSION cookie in " + response.headers().map());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

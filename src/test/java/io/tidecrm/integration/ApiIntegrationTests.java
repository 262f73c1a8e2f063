package io.tidecrm.integration;

import static io.tidecrm.support.ApiTokenFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.ApiTokenFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The REST API under /api/v1: personal access tokens (missing, unknown, expired, revoked,
 * read-only), the same visibility and rules as the pages through the same services, problem
 * details with a stable code, keyset paging, If-Match, a stateless chain that a session cookie
 * neither signs in nor lets past CSRF, the rate limit, and every call in the audit log.
 */
@IntegrationTest
class ApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    private String token(CurrentUser user) {
        return ApiTokenFixtures.readWrite(fixtures.jdbc(), user.id());
    }

    private String token(String username) {
        return ApiTokenFixtures.readWrite(fixtures.jdbc(), fixtures.userId(username));
    }

    private ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String token) throws Exception {
        return mvc.perform(request.with(bearer(token)).header("Accept-Language", "en"));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    // --- tokens -------------------------------------------------------------------------------

    @Test
    void aRequestWithoutTokenAnswers401ProblemWithCodeTokenMissing() throws Exception {
        mvc.perform(get("/api/v1/customers"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.code").value("token.missing"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void unknownExpiredAndRevokedTokensAnswer401WithTheirOwnCode() throws Exception {
        long rep = fixtures.userId("rep1");
        String expired = ApiTokenFixtures.insert(fixtures.jdbc(), rep, "过期", "READ_WRITE",
                clock.instant().minusSeconds(1), null);
        String revoked = ApiTokenFixtures.insert(fixtures.jdbc(), rep, "吊销", "READ_WRITE",
                clock.instant().plusSeconds(3600), clock.instant().minusSeconds(60));
        call(get("/api/v1/customers"), "tcrm_nosuchtoken").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.invalid"));
        call(get("/api/v1/customers"), expired).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.expired"));
        call(get("/api/v1/customers"), revoked).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.revoked"));
    }

    @Test
    void aTokenExpiresWhenTheClockPassesItsExpiry() throws Exception {
        String secret = ApiTokenFixtures.insert(fixtures.jdbc(), fixtures.userId("rep1"), "一小时", "READ",
                clock.instant().plus(Duration.ofHours(1)), null);
        call(get("/api/v1/customers"), secret).andExpect(status().isOk());
        clock.advance(Duration.ofHours(1));
        call(get("/api/v1/customers"), secret).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.expired"));
    }

    @Test
    void aReadOnlyTokenReadsButCannotWrite() throws Exception {
        long customer = fixtures.customerOf("rep1", "只读");
        String readOnly = ApiTokenFixtures.insert(fixtures.jdbc(), fixtures.userId("rep1"), "只读", "READ",
                clock.instant().plusSeconds(3600), null);
        call(get("/api/v1/customers/" + customer), readOnly).andExpect(status().isOk());
        call(json(post("/api/v1/customers/" + customer + "/follow-ups"), followUp(clock.instant(), "只读写入")), readOnly)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("token.readOnly"));
        assertThat(followUpCount(customer)).isZero();
    }

    @Test
    void aTokenOfADisabledUserIsRefused() throws Exception {
        CurrentUser rep = users.newUser("api-disabled", Role.REP, "rep1");
        String secret = token(rep);
        fixtures.jdbc().sql("UPDATE app_user SET enabled = false WHERE id = ?").param(rep.id()).update();
        call(get("/api/v1/customers"), secret).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.userDisabled"));
    }

    // --- stateless, CSRF ------------------------------------------------------------------------

    @Test
    void theApiSetsNoCookieAndASessionDoesNotSignAnyoneIn() throws Exception {
        MockHttpServletResponse response = call(get("/api/v1/customers"), token("rep1")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
        assertThat(response.getCookies()).isEmpty();
        // A signed-in page session is not an API credential.
        mvc.perform(get("/api/v1/customers").with(users.as("rep1"))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.missing"));
    }

    @Test
    void aPostWithOnlyASessionIsRefusedByCsrfWhileABearerPostNeedsNoCsrfToken() throws Exception {
        long customer = fixtures.customerOf("rep1", "跨站");
        mvc.perform(json(post("/api/v1/customers/" + customer + "/follow-ups"), followUp(clock.instant(), "会话写入"))
                .with(users.as("rep1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("csrf"));
        // Even with a CSRF token a session is no API credential.
        mvc.perform(json(post("/api/v1/customers/" + customer + "/follow-ups"), followUp(clock.instant(), "会话写入"))
                .with(users.as("rep1")).with(csrf()))
                .andExpect(status().isUnauthorized());
        assertThat(followUpCount(customer)).isZero();
        call(json(post("/api/v1/customers/" + customer + "/follow-ups"), followUp(clock.instant(), "令牌写入")),
                token("rep1")).andExpect(status().isCreated());
        assertThat(followUpCount(customer)).isEqualTo(1);
    }

    // --- visibility -----------------------------------------------------------------------------

    @Test
    void anotherUsersRecordsAnswer404LikeMissingOnes() throws Exception {
        long customer = fixtures.customerOf("rep1", "他人");
        long contact = fixtures.insertContact(customer, "他人联系人");
        String rep2 = token("rep2");
        for (String path : List.of("/api/v1/customers/" + customer, "/api/v1/customers/" + customer + "/contacts",
                "/api/v1/contacts/" + contact, "/api/v1/customers/" + customer + "/follow-ups",
                "/api/v1/customers/999999999")) {
            call(get(path), rep2).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("notFound"));
        }
        call(json(post("/api/v1/customers/" + customer + "/follow-ups"), followUp(clock.instant(), "越权")), rep2)
                .andExpect(status().isNotFound());
        call(json(patch("/api/v1/customers/" + customer), "{\"name\":\"改名\"}").header("If-Match", "\"0\""), rep2)
                .andExpect(status().isNotFound());
        call(json(post("/api/v1/customers/" + customer + "/release"), "{\"reason\":\"NO_NEED\"}"), rep2)
                .andExpect(status().isNotFound());
        String list = call(get("/api/v1/customers?limit=100"), rep2).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("他人");
        // The owner's manager sees it, as on the pages.
        call(get("/api/v1/customers/" + customer), token("manager1")).andExpect(status().isOk());
    }

    @Test
    void opportunitiesContractsAndPaymentsAreReadOnlyAndScoped() throws Exception {
        long customer = fixtures.customerOf("rep1", "合同");
        long rep1 = fixtures.userId("rep1");
        long contract = fixtures.jdbc().sql("""
                INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, total,
                                      created_by_id, created_at, updated_at)
                VALUES (?, ?, 'API合同', 'NOT_STARTED', 'DIRECT', 'BANK_TRANSFER', current_date, 1000, ?, now(), now())
                RETURNING id
                """).params(customer, rep1, rep1).query(Long.class).single();
        long opportunity = fixtures.jdbc().sql("""
                INSERT INTO opportunity (customer_id, owner_id, title, stage, amount, expected_close_date, probability,
                                         created_by_id, created_at, updated_at)
                VALUES (?, ?, 'API商机', 'LEAD', 1000, current_date + 30, 10, ?, now(), now()) RETURNING id
                """).params(customer, rep1, rep1).query(Long.class).single();
        String mine = token("rep1");
        call(get("/api/v1/contracts/" + contract), mine).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("API合同")).andExpect(header().string("ETag", "\"0\""));
        call(get("/api/v1/opportunities/" + opportunity), mine).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("API商机"));
        call(get("/api/v1/payments"), mine).andExpect(status().isOk()).andExpect(jsonPath("$.items").isArray());
        call(get("/api/v1/contracts/" + contract), token("rep2")).andExpect(status().isNotFound());
        call(get("/api/v1/opportunities/" + opportunity), token("rep2")).andExpect(status().isNotFound());
        call(post("/api/v1/contracts/" + contract), mine).andExpect(status().isMethodNotAllowed());
    }

    // --- customers --------------------------------------------------------------------------------

    @Test
    void createsACustomerThroughTheFormsRulesAndRefusesADuplicateWith409() throws Exception {
        CurrentUser rep = users.newUser("api-create", Role.REP, "rep1");
        String secret = token(rep);
        String name = CustomerFixtures.uniqueName("接口");
        String body = "{\"name\":\"" + name + "\",\"type\":\"B\",\"source\":\"SEARCH_ENGINE\",\"tags\":[\"API\"]}";
        MockHttpServletResponse created = call(json(post("/api/v1/customers"), body), secret)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerId").value(rep.id()))
                .andExpect(jsonPath("$.status").value("FIRST_VISIT"))
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn().getResponse();
        assertThat(created.getHeader("Location")).matches("/api/v1/customers/[0-9]+");
        // The duplicate check folds legal suffixes and spaces, as on the page.
        call(json(post("/api/v1/customers"), body.replace(name, " " + name + " ")), secret)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("customer.duplicate.byName"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aMissingOrInvalidFieldIs400WithTheFieldNamed() throws Exception {
        call(json(post("/api/v1/customers"), "{\"type\":\"B\",\"source\":\"SEARCH_ENGINE\"}"), token("rep1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("NotBlank"));
        call(json(post("/api/v1/customers"), "{\"name\":\"x\",\"type\":\"Z\"}"), token("rep1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("badRequest"));
        call(json(post("/api/v1/customers"), "{\"name\":\"" + CustomerFixtures.uniqueName("码")
                + "\",\"type\":\"B\",\"source\":\"SEARCH_ENGINE\",\"creditCode\":\"123\"}"), token("rep1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("customer.creditCode.invalid"));
    }

    @Test
    void theOwnersCapRefusesACustomerBeyondIt() throws Exception {
        CurrentUser rep = users.newUser("api-cap", Role.REP, "rep1");
        int capA = fixtures.jdbc().sql("SELECT cap_a FROM customer_rules").query(Integer.class).single();
        fixtures.fillTo(rep.id(), "A", capA);
        call(json(post("/api/v1/customers"), "{\"name\":\"" + CustomerFixtures.uniqueName("超额")
                + "\",\"type\":\"A\",\"source\":\"SEARCH_ENGINE\"}"), token(rep))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("customer.cap.exceeded"));
        assertThat(fixtures.countOwned(rep.id(), "A")).isEqualTo(capA);
    }

    @Test
    void anUpdateNeedsIfMatchAndAStaleVersionIs412() throws Exception {
        long customer = fixtures.customerOf("rep1", "版本");
        String secret = token("rep1");
        call(json(patch("/api/v1/customers/" + customer), "{\"region\":\"上海\"}"), secret)
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.code").value("ifMatch.required"));
        call(json(patch("/api/v1/customers/" + customer), "{\"region\":\"上海\"}").header("If-Match", "\"7\""), secret)
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("form.staleVersion"));
        call(json(patch("/api/v1/customers/" + customer), "{\"region\":\"上海\"}").header("If-Match", "\"0\""), secret)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value("上海"))
                .andExpect(header().string("ETag", "\"1\""));
        // The same version again is now stale: the first writer wins, the second is told.
        call(json(patch("/api/v1/customers/" + customer), "{\"region\":\"北京\"}").header("If-Match", "\"0\""), secret)
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void aRepCannotSetWonThroughTheApiEither() throws Exception {
        long customer = fixtures.customerOf("rep1", "成交");
        call(json(patch("/api/v1/customers/" + customer), "{\"status\":\"WON\"}").header("If-Match", "0"), token("rep1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("customer.status.wonByManager"));
    }

    @Test
    void contactsAreAddedAndChangedWithTheirVersion() throws Exception {
        long customer = fixtures.customerOf("rep1", "联系人");
        String secret = token("rep1");
        String location = call(json(post("/api/v1/customers/" + customer + "/contacts"),
                "{\"name\":\"王经理\",\"mobile\":\"13800000000\",\"primary\":true}"), secret)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.primary").value(true))
                .andReturn().getResponse().getHeader("Location");
        call(json(patch(location), "{\"title\":\"采购总监\"}").header("If-Match", "\"0\""), secret)
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("采购总监"))
                .andExpect(jsonPath("$.mobile").value("13800000000"));
        call(json(post("/api/v1/customers/" + customer + "/contacts"), "{\"name\":\"李\",\"mobile\":\"abc\"}"), secret)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mobile"));
        call(get("/api/v1/customers/" + customer + "/contacts"), secret).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void customersArePagedByKey() throws Exception {
        CurrentUser rep = users.newUser("api-page", Role.REP, "rep1");
        for (int i = 0; i < 5; i++) {
            fixtures.customerOf(rep.getUsername(), "翻页");
        }
        String secret = token(rep);
        String first = call(get("/api/v1/customers?limit=2"), secret).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Integer> firstIds = JsonPath.read(first, "$.items[*].id");
        String next = JsonPath.read(first, "$.next");
        assertThat(firstIds).hasSize(2);
        assertThat(next).isNotNull();
        String second = call(get("/api/v1/customers?limit=2&cursor=" + next), secret).andReturn().getResponse()
                .getContentAsString();
        List<Integer> secondIds = JsonPath.read(second, "$.items[*].id");
        assertThat(secondIds).hasSize(2).doesNotContainAnyElementsOf(firstIds);
        assertThat(secondIds.get(0)).isLessThan(firstIds.get(1));
        String last = call(get("/api/v1/customers?limit=2&cursor=" + JsonPath.read(second, "$.next")), secret)
                .andReturn().getResponse().getContentAsString();
        assertThat((List<Integer>) JsonPath.read(last, "$.items[*].id")).hasSize(1);
        assertThat((Object) JsonPath.read(last, "$.next")).isNull();
    }

    // --- follow-ups ---------------------------------------------------------------------------------

    @Test
    void aFollowUpWrittenThroughTheApiMovesTheCustomersClockAndShowsOnTheTimeline() throws Exception {
        long customer = fixtures.customerOf("rep1", "跟进");
        clock.advance(Duration.ofMinutes(20));
        // Whole seconds: the database keeps microseconds (rounded), Java's clock has nanoseconds.
        Instant at = clock.instant().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant next = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        call(json(post("/api/v1/customers/" + customer + "/follow-ups"),
                "{\"kind\":\"WECHAT\",\"occurredAt\":\"" + at + "\",\"content\":\"微信沟通报价\",\"newStatus\":\"INTENT\","
                        + "\"nextFollowUpAt\":\"" + next + "\"}"), token("rep1"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber());
        Instant clockAt = fixtures.jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(customer)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(clockAt).isEqualTo(at);
        call(get("/api/v1/customers/" + customer + "/follow-ups"), token("rep1"))
                .andExpect(jsonPath("$.items[0].content").value("微信沟通报价"))
                .andExpect(jsonPath("$.items[0].kind").value("WECHAT"));
        call(get("/api/v1/customers/" + customer), token("rep1"))
                .andExpect(jsonPath("$.nextFollowUpAt").value(next.toString()));
    }

    @Test
    void followUpRulesAnswerTheirCodes() throws Exception {
        long customer = fixtures.customerOf("rep1", "规则");
        long othersContact = fixtures.insertContact(fixtures.customerOf("rep1", "别家"), "别家联系人");
        String secret = token("rep1");
        String path = "/api/v1/customers/" + customer + "/follow-ups";
        call(json(post(path), followUp(clock.instant().minus(Duration.ofHours(25)), "太久")), secret)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("followup.occurredAt.tooOld"))
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
        call(json(post(path), followUp(clock.instant().plus(Duration.ofHours(1)), "未来")), secret)
                .andExpect(jsonPath("$.code").value("followup.occurredAt.future"));
        call(json(post(path), "{\"kind\":\"PHONE\",\"occurredAt\":\"" + clock.instant()
                + "\",\"content\":\"成交\",\"newStatus\":\"WON\"}"), secret)
                .andExpect(jsonPath("$.code").value("followup.status.won"));
        call(json(post(path), "{\"kind\":\"PHONE\",\"occurredAt\":\"" + clock.instant()
                + "\",\"content\":\"错联系人\",\"contactId\":" + othersContact + "}"), secret)
                .andExpect(jsonPath("$.code").value("followup.contact.invalid"));
        call(json(post(path), "{\"kind\":\"PHONE\",\"occurredAt\":\"" + clock.instant()
                + "\",\"content\":\"下次在前\",\"nextFollowUpAt\":\"" + clock.instant().minusSeconds(3600) + "\"}"), secret)
                .andExpect(jsonPath("$.code").value("followup.next.beforeOccurred"));
        call(json(post(path), "{\"kind\":\"PHONE\",\"occurredAt\":\"" + clock.instant() + "\",\"content\":\"\"}"), secret)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("content"));
        assertThat(followUpCount(customer)).isZero();
    }

    // --- pool ---------------------------------------------------------------------------------------

    @Test
    void releaseNeedsAReasonAndTheGrabBackBanHoldsThroughTheApi() throws Exception {
        CurrentUser rep = users.newUser("api-pool", Role.REP, "rep1");
        CurrentUser other = users.newUser("api-pool2", Role.REP, "rep1");
        long customer = fixtures.customerOf(rep.getUsername(), "公海");
        String secret = token(rep);
        call(json(post("/api/v1/customers/" + customer + "/release"), "{}"), secret)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pool.release.reasonRequired"));
        call(json(post("/api/v1/customers/" + customer + "/release"), "{\"reason\":\"OTHER\"}"), secret)
                .andExpect(jsonPath("$.code").value("pool.release.reasonRequired"))
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        call(json(post("/api/v1/customers/" + customer + "/release"), "{\"reason\":\"NO_NEED\"}"), secret)
                .andExpect(status().isNoContent());
        assertThat(owner(customer)).isNull();
        call(post("/api/v1/customers/" + customer + "/grab"), secret)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("pool.grab.grabBack"));
        call(post("/api/v1/customers/" + customer + "/grab"), token(other)).andExpect(status().isNoContent());
        assertThat(owner(customer)).isEqualTo(other.id());
    }

    @Test
    void theOwnersCapHoldsOnAGrabThroughTheApi() throws Exception {
        CurrentUser rep = users.newUser("api-grab", Role.REP, "rep1");
        int capB = fixtures.jdbc().sql("SELECT cap_b FROM customer_rules").query(Integer.class).single();
        fixtures.fillTo(rep.id(), "B", capB);
        long pooled = fixtures.insert(CustomerFixtures.uniqueName("公海满"), "B", "FIRST_VISIT", null);
        call(post("/api/v1/customers/" + pooled + "/grab"), token(rep))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("customer.cap.exceeded"));
        assertThat(owner(pooled)).isNull();
    }

    @Test
    void theDailyGrabLimitHoldsThroughTheApi() throws Exception {
        fixtures.jdbc().sql("UPDATE pool_rules SET daily_grab_limit = 1").update();
        try {
            String secret = token(users.newUser("api-limit", Role.REP, "rep1"));
            long first = fixtures.insert(CustomerFixtures.uniqueName("公海一"), "C", "FIRST_VISIT", null);
            long second = fixtures.insert(CustomerFixtures.uniqueName("公海二"), "C", "FIRST_VISIT", null);
            call(post("/api/v1/customers/" + first + "/grab"), secret).andExpect(status().isNoContent());
            call(post("/api/v1/customers/" + second + "/grab"), secret)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("pool.grab.dailyLimit"));
            assertThat(owner(second)).isNull();
        } finally {
            fixtures.jdbc().sql("UPDATE pool_rules SET daily_grab_limit = NULL").update();
        }
    }

    // --- rate limit, audit --------------------------------------------------------------------------

    @Test
    void aTokenBeyondItsRateLimitGets429WithRetryAfter() throws Exception {
        // Time stands still: only calls empty the bucket, nothing refills it meanwhile.
        clock.setInstant(clock.instant());
        String secret = token("rep3");
        int capacity = 120;
        for (int i = 0; i < capacity; i++) {
            call(get("/api/v1/opportunities?limit=1"), secret).andExpect(status().isOk());
        }
        MockHttpServletResponse refused = call(get("/api/v1/opportunities?limit=1"), secret)
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("rateLimited"))
                .andReturn().getResponse();
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        // Another token of the same user has its own bucket.
        call(get("/api/v1/opportunities?limit=1"), token("rep3")).andExpect(status().isOk());
        // The bucket refills over the period.
        clock.advance(Duration.ofSeconds(Long.parseLong(refused.getHeader("Retry-After"))));
        call(get("/api/v1/opportunities?limit=1"), secret).andExpect(status().isOk());
    }

    @Test
    void everyApiCallIsInTheAuditLogWithTheTokensName() throws Exception {
        String name = "微信工具" + System.nanoTime();
        String secret = ApiTokenFixtures.insert(fixtures.jdbc(), fixtures.userId("rep1"), name, "READ",
                clock.instant().plusSeconds(3600), null);
        call(get("/api/v1/customers/999999998"), secret).andExpect(status().isNotFound());
        List<String> entries = fixtures.jdbc().sql("""
                SELECT kind || ' ' || actor_name || ' ' || subject || ' ' || details FROM audit_event
                WHERE details LIKE ? ORDER BY id
                """).param("token=" + name + "%").query(String.class).list();
        assertThat(entries).containsExactly("API_CALL rep1 GET /api/v1/customers/999999998 token=" + name + " status=404");
    }

    // --- OpenAPI ------------------------------------------------------------------------------------

    @Test
    void theOpenApiDocumentIsServedAsValidJsonAndSwaggerUiOnlyToSignedInUsers() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(doc, "$.openapi")).startsWith("3.");
        java.util.Map<String, Object> paths = JsonPath.read(doc, "$.paths");
        assertThat(paths).containsKeys("/api/v1/customers", "/api/v1/customers/{id}",
                "/api/v1/customers/{id}/follow-ups", "/api/v1/customers/{id}/grab", "/api/v1/customers/{id}/release",
                "/api/v1/contracts", "/api/v1/opportunities", "/api/v1/payments");
        assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/v1/"));
        assertThat((Object) JsonPath.read(doc, "$.components.securitySchemes.token.scheme")).isEqualTo("bearer");
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui/index.html").with(users.as("rep1"))).andExpect(status().isOk());
    }

    private String followUp(Instant at, String content) {
        return "{\"kind\":\"PHONE\",\"occurredAt\":\"" + at + "\",\"content\":\"" + content + "\"}";
    }

    private int followUpCount(long customer) {
        return fixtures.jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ?").param(customer)
                .query(Integer.class).single();
    }

    private Long owner(long customer) {
        return fixtures.jdbc().sql("SELECT owner_id FROM customer WHERE id = ?").param(customer)
                .query((rs, n) -> java.util.Optional.ofNullable((Long) rs.getObject(1))).single().orElse(null);
    }
}

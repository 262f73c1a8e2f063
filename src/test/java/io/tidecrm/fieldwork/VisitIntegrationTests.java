package io.tidecrm.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.FlashMessage;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
@RecordApplicationEvents
class VisitIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The customer's office (Shanghai, People's Square); 0.001° of latitude is about 111 m. */
    private static final double LAT = 31.2304;
    private static final double LNG = 121.4737;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    CurrentUser rep;
    long customerId;

    @BeforeEach
    void aRepWithACustomer() {
        clock.setInstant(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        rep = users.newUser("visitor", Role.REP, "rep1");
        customerId = fixtures.insert(CustomerFixtures.uniqueName("拜访"), "B", "FIRST_VISIT", rep.id());
        fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(3))), customerId).update();
    }

    @Test
    void aCheckInWithinTheRadiusOfTheKnownLocationIsNotFlagged() throws Exception {
        setLocation(LAT, LNG);
        long visit = plan();
        checkIn(visit, LAT + 0.002, LNG, 20.0).andExpect(r -> assertThat(flashOf(r).level()).isEqualTo("success"));
        assertThat(column(visit, "check_in_flag")).isEqualTo("WITHIN");
        assertThat(((Number) column(visit, "distance_m")).intValue()).isBetween(215, 230);
    }

    @Test
    void aCheckInBeyondTheRadiusIsAllowedAndFlagged() throws Exception {
        setLocation(LAT, LNG);
        long visit = plan();
        checkIn(visit, LAT + 0.01, LNG, 20.0).andExpect(r -> assertThat(flashOf(r).level()).isEqualTo("warning"));
        assertThat(column(visit, "check_in_flag")).isEqualTo("FAR");
        assertThat(((Number) column(visit, "distance_m")).intValue()).isBetween(1100, 1125);
        assertThat(column(visit, "checked_in_at")).isNotNull();
    }

    @Test
    void aCheckInWithoutPermissionOrLocationIsAllowedAndFlagged() throws Exception {
        long visit = plan();
        mvc.perform(post("/visits/{id}/check-in", visit).param("locationError", "code-1").with(csrf())
                .with(users.as(rep.getUsername()))).andExpect(status().is3xxRedirection());
        assertThat(column(visit, "check_in_flag")).isEqualTo("NO_LOCATION");
        assertThat(column(visit, "latitude")).isNull();
        assertThat(location()).isZero();
    }

    @Test
    void theFirstAccurateCheckInSetsTheCustomersLocationAndAnInaccurateOneDoesNot() throws Exception {
        long vague = plan();
        checkIn(vague, LAT, LNG, 2000.0);
        assertThat(column(vague, "check_in_flag")).isEqualTo("NO_REFERENCE");
        assertThat(location()).isZero();

        long first = plan();
        checkIn(first, LAT, LNG, 30.0);
        assertThat(column(first, "check_in_flag")).isEqualTo("LOCATION_SET");
        assertThat(location()).isOne();

        long later = plan();
        checkIn(later, LAT + 0.01, LNG, 30.0);
        assertThat(column(later, "check_in_flag")).isEqualTo("FAR");
    }

    @Test
    void aCheckInMovesTheCustomersClockAndPublishesTheFact() throws Exception {
        long visit = plan();
        clock.advance(Duration.ofMinutes(30));
        checkIn(visit, LAT, LNG, 10.0);
        Timestamp clockAt = fixtures.jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(customerId)
                .query(Timestamp.class).single();
        assertThat(clockAt.toInstant()).isEqualTo(clock.instant());
        assertThat(events.stream(VisitCheckedIn.class).filter(e -> e.visitId() == visit)).singleElement()
                .satisfies(e -> {
                    assertThat(e.userId()).isEqualTo(rep.id());
                    assertThat(e.teamId()).isEqualTo(rep.teamId());
                    assertThat(e.customerId()).isEqualTo(customerId);
                    assertThat(e.occurredAt()).isEqualTo(clock.instant());
                    assertThat(e.businessDate()).isEqualTo(clock.instant().atZone(ZONE).toLocalDate());
                });
    }

    @Test
    void aSecondCheckInOfTheSameVisitIsRefused() throws Exception {
        long visit = plan();
        checkIn(visit, LAT, LNG, 10.0);
        Object first = column(visit, "checked_in_at");
        clock.advance(Duration.ofMinutes(5));
        checkIn(visit, LAT, LNG, 10.0)
                .andExpect(r -> assertThat(flashOf(r).key()).isEqualTo("visit.checkIn.already"));
        assertThat(column(visit, "checked_in_at")).isEqualTo(first);
    }

    @Test
    void theVisitRecordWritesOneFollowUpOfKindVisitAndIsAppendOnly() throws Exception {
        long visit = plan();
        checkIn(visit, LAT, LNG, 10.0);
        clock.advance(Duration.ofMinutes(45));
        mvc.perform(post("/visits/{id}/check-out", visit).with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection());
        LocalDateTime next = LocalDateTime.now(clock).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        record(visit, next).andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ? AND kind = 'VISIT'")
                .param(customerId).query(Long.class).single()).isOne();
        String text = fixtures.jdbc().sql("SELECT content FROM follow_up WHERE customer_id = ?").param(customerId)
                .query(String.class).single();
        assertThat(text).contains("【拜访目的】演示新版本", "【客户异议】价格偏高");
        Timestamp nextAt = fixtures.jdbc().sql("SELECT next_follow_up_at FROM customer WHERE id = ?")
                .param(customerId).query(Timestamp.class).single();
        assertThat(nextAt.toInstant()).isEqualTo(next.atZone(ZONE).toInstant());

        record(visit, null).andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(flashOf(r).key()).isEqualTo("visit.record.already"));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ?")
                .param(customerId).query(Long.class).single()).isOne();
        assertThatThrownBy(() -> fixtures.jdbc().sql("UPDATE visit_record SET discussion = 'x' WHERE visit_id = ?")
                .param(visit).update()).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theVisitRecordNamesTheMissingFieldInTheUsersLanguage() throws Exception {
        long visit = plan();
        checkIn(visit, LAT, LNG, 10.0);
        mvc.perform(post("/visits/{id}/record", visit).param("purpose", "演示").param("discussion", " ")
                .with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请填写沟通内容")));
        mvc.perform(post("/visits/{id}/record", visit).param("purpose", "demo").param("discussion", "")
                .cookie(new jakarta.servlet.http.Cookie("tidecrm-lang", "en")).with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("Please fill in What was discussed")));
    }

    @Test
    void aVisitIsVisibleExactlyWhenItsCustomerIs() throws Exception {
        long visit = plan();
        mvc.perform(get("/visits/{id}", visit).with(users.as(rep.getUsername()))).andExpect(status().isOk());
        mvc.perform(get("/visits/{id}", visit).with(users.as("manager1"))).andExpect(status().isOk());
        mvc.perform(get("/visits/{id}", visit).with(users.as("rep2"))).andExpect(status().isNotFound());
        mvc.perform(get("/visits/{id}", visit).with(users.as("manager2"))).andExpect(status().isNotFound());
        mvc.perform(post("/visits/{id}/check-in", visit).with(csrf()).with(users.as("rep2")))
                .andExpect(status().isNotFound());
        String day = clock.instant().plus(Duration.ofHours(1)).atZone(ZONE).toLocalDate().toString();
        mvc.perform(get("/visits").param("day", day).with(users.as("manager1")))
                .andExpect(content().string(Matchers.containsString("visit-" + visit)));
        mvc.perform(get("/visits").param("day", day).with(users.as("manager2")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("visit-" + visit + "\""))));
    }

    @Test
    void onlyTheVisitsOwnerChecksIn() throws Exception {
        long visit = plan();
        mvc.perform(post("/visits/{id}/check-in", visit).param("latitude", String.valueOf(LAT))
                .param("longitude", String.valueOf(LNG)).param("accuracy", "5").with(csrf()).with(users.as("manager1")))
                .andExpect(r -> assertThat(flashOf(r).key()).isEqualTo("visit.notYours"));
        assertThat(column(visit, "checked_in_at")).isNull();
    }

    @Test
    void aLocationOutOfRangeIsRefusedWithAMessageAndNothingIsSaved() throws Exception {
        mvc.perform(post("/customers/{id}/location", customerId).param("latitude", "95").param("longitude", "x")
                .with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(flashOf(r).key()).isEqualTo("visit.location.invalid"));
        assertThat(location()).isZero();
    }

    // --- helpers

    private long plan() throws Exception {
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZONE).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        MvcResult result = mvc.perform(post("/customers/{id}/visits", customerId).param("plannedAt", at.toString())
                .param("purpose", "演示新版本").param("place", "客户办公室").with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private org.springframework.test.web.servlet.ResultActions checkIn(long visit, double lat, double lng,
            double accuracy) throws Exception {
        return mvc.perform(post("/visits/{id}/check-in", visit).param("latitude", String.valueOf(lat))
                .param("longitude", String.valueOf(lng)).param("accuracy", String.valueOf(accuracy))
                .with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.ResultActions record(long visit, LocalDateTime next)
            throws Exception {
        var request = post("/visits/{id}/record", visit).param("purpose", "演示新版本").param("discussion", "介绍了群发功能")
                .param("objections", "价格偏高").param("nextSteps", "发报价单").with(csrf()).with(users.as(rep.getUsername()));
        if (next != null) {
            request.param("nextVisitAt", next.toString());
        }
        return mvc.perform(request);
    }

    private void setLocation(double lat, double lng) throws Exception {
        mvc.perform(post("/customers/{id}/location", customerId).param("latitude", String.valueOf(lat))
                .param("longitude", String.valueOf(lng)).with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection());
    }

    private static FlashMessage flashOf(MvcResult result) {
        return (FlashMessage) result.getFlashMap().get("flash");
    }

    private Object column(long visit, String column) {
        return fixtures.jdbc().sql("SELECT " + column + " FROM visit WHERE id = ?").param(visit)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1))).single().orElse(null);
    }

    private long location() {
        return fixtures.jdbc().sql("SELECT count(*) FROM customer_location WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
    }
}

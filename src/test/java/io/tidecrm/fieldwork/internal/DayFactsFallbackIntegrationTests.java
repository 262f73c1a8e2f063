package io.tidecrm.fieldwork.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import io.tidecrm.fieldwork.DayFigureSource;
import io.tidecrm.fieldwork.DayFigures;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** Without the report module's ledger, the reports' figures come from field work's own facts. */
@IntegrationTest
class DayFactsFallbackIntegrationTests {

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    DayFacts withLedger;

    @Test
    void withoutALedgerTheSummaryFiguresComeFromFieldworksOwnFacts() {
        clock.setInstant(java.time.Instant.parse("2032-04-07T09:00:00Z"));
        CurrentUser rep = users.newUser("ownfacts", Role.REP, "rep1");
        LocalDate day = LocalDate.of(2032, 4, 7);
        long source = System.nanoTime();
        DayFacts noLedger = new DayFacts(fixtures.jdbc(),
                new StaticListableBeanFactory().getBeanProvider(DayFigureSource.class), (Clock) clock);
        noLedger.add("FOLLOW_UP", source, rep.id(), day);
        noLedger.add("FOLLOW_UP", source + 1, rep.id(), day);
        noLedger.add("PAYMENT", source + 2, rep.id(), day, new BigDecimal("800.00"));

        DayFigures own = new DayFigures(2, 0, 0, 0, BigDecimal.ZERO, 1, new BigDecimal("800.00"));
        assertThat(noLedger.of(rep.id(), day, day)).isEqualTo(own);
        // With the report module present, the ledger answers (it has none of these facts).
        assertThat(withLedger.of(rep.id(), day, day).followUps()).isZero();
    }
}

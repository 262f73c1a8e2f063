package io.tidecrm.fieldwork.internal;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Field work settings: a check-in farther than {@code checkInRadiusMetres} from the customer's
 * known location is flagged (SPEC: default 500 m); a first check-in sets the customer's location
 * only when its reported accuracy is within that radius too. The reports are due, in the business
 * zone, by {@code dailyPlanDue} (09:00) and {@code dailySummaryDue} (18:00, the end of the working
 * day) of their day, and the weekly plan by {@code weeklyPlanDue} on the Monday of its week; a
 * later submission is marked late.
 */
@ConfigurationProperties("tidecrm.fieldwork")
record FieldworkProperties(int checkInRadiusMetres, LocalTime dailyPlanDue, LocalTime dailySummaryDue,
        LocalTime weeklyPlanDue) {

    FieldworkProperties {
        if (checkInRadiusMetres < 1) {
            checkInRadiusMetres = 500;
        }
        if (dailyPlanDue == null) {
            dailyPlanDue = LocalTime.of(9, 0);
        }
        if (dailySummaryDue == null) {
            dailySummaryDue = LocalTime.of(18, 0);
        }
        if (weeklyPlanDue == null) {
            weeklyPlanDue = LocalTime.of(10, 0);
        }
    }
}

package io.tidecrm.fieldwork.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Field work settings: a check-in farther than {@code checkInRadiusMetres} from the customer's
 * known location is flagged (SPEC: default 500 m); a first check-in sets the customer's location
 * only when its reported accuracy is within that radius too. The report deadlines are the
 * administrators' report rules ({@link ReportSettings}), not settings of the deployment.
 */
@ConfigurationProperties("tidecrm.fieldwork")
record FieldworkProperties(int checkInRadiusMetres) {

    FieldworkProperties {
        if (checkInRadiusMetres < 1) {
            checkInRadiusMetres = 500;
        }
    }
}

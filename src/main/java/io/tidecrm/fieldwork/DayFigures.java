package io.tidecrm.fieldwork;

import java.math.BigDecimal;

/**
 * A user's figures over business days, as the daily summary and the weekly plan show them:
 * follow-ups written, visits checked in, new customers, contracts approved with their amount,
 * payments received with their amount.
 */
public record DayFigures(int followUps, int visits, int newCustomers, int contracts, BigDecimal contractAmount,
        int payments, BigDecimal paymentAmount) {
}

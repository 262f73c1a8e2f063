package io.tidecrm.customer;

/** 人员规模. */
public enum StaffSize {
    UP_TO_20, UP_TO_50, UP_TO_100, UP_TO_500, UP_TO_1000, OVER_1000
}

package io.tidecrm.customer;

/** A 重要客户, B 普通客户, C 低价值客户. Each type has its own ownership cap and stale days. */
public enum CustomerType {
    A, B, C
}

package io.tidecrm.customer;

/** 句子秒回 retention: 老客户 / 新客户 / 流失客户. */
public enum Retention {
    EXISTING, NEW, CHURNED
}

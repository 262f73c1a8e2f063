package io.tidecrm.customer;

/** 句客宝 service-code status: 报备成功 / 被他人报备 / 不满足报备条件 / 服务码已失效 / 用户不提供. */
public enum ServiceCodeStatus {
    REPORTED, REPORTED_BY_OTHERS, NOT_ELIGIBLE, EXPIRED, NOT_PROVIDED
}

package io.tidecrm.customer;

/** 客户来源. A founder or customer referral records who referred. */
public enum CustomerSource {
    SEARCH_ENGINE, FOUNDER_REFERRAL, WECHAT_OFFICIAL, GITHUB, CUSTOMER_REFERRAL, AGENT, OTHER;

    public boolean isReferral() {
        return this == FOUNDER_REFERRAL || this == CUSTOMER_REFERRAL;
    }
}

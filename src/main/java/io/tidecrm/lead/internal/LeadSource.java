package io.tidecrm.lead.internal;

/** 官网表单, 展会, 客户推荐, 电话咨询, 社交媒体, 其他. */
public enum LeadSource {
    WEBSITE, TRADE_SHOW, REFERRAL, INBOUND_CALL, SOCIAL_MEDIA, OTHER
}

package io.tidecrm.followup.internal;

/** How the customer was reached: 电话, 微信, 拜访, 邮件, 短信, 会议, 其他. */
public enum FollowUpKind {
    PHONE, WECHAT, VISIT, EMAIL, SMS, MEETING, OTHER
}

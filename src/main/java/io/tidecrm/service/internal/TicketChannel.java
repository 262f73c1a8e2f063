package io.tidecrm.service.internal;

/** How the customer reached us. */
public enum TicketChannel {
    PHONE, WECHAT, EMAIL, VISIT, WEBSITE, OTHER
}

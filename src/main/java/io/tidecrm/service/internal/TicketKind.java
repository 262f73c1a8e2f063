package io.tidecrm.service.internal;

/** A complaint (客户投诉) or a service request (服务请求). */
public enum TicketKind {
    COMPLAINT, REQUEST
}

package io.tidecrm.customer;

/** A contact as other modules list it (a follow-up's contact, a contract's signatory). */
public record ContactRef(long id, long customerId, String name, String title, String mobile, boolean primary) {
}

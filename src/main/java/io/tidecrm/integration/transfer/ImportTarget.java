package io.tidecrm.integration.transfer;

import java.util.Arrays;
import java.util.List;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.lead.LeadImport;

/** What an import brings in: customers with their contacts, or leads. */
enum ImportTarget {
    CUSTOMER, LEAD;

    /** A column an import can fill; a contact's label is shown as the contact's. */
    record FieldChoice(String name, String labelKey, boolean contact) {
    }

    List<FieldChoice> fields() {
        return this == CUSTOMER
                ? Arrays.stream(CustomerImport.Field.values())
                        .map(f -> new FieldChoice(f.name(), f.labelKey(), !f.customerField())).toList()
                : Arrays.stream(LeadImport.Field.values()).map(f -> new FieldChoice(f.name(), f.labelKey(), false))
                        .toList();
    }

    boolean hasField(String name) {
        return fields().stream().anyMatch(f -> f.name().equals(name));
    }

    /** The field without which a row means nothing: the customer's or the lead's company name. */
    String keyField() {
        return this == CUSTOMER ? CustomerImport.Field.NAME.name() : LeadImport.Field.COMPANY_NAME.name();
    }
}

package io.tidecrm.customer.internal;

import io.tidecrm.customer.Retention;
import io.tidecrm.customer.ServiceCodeStatus;
import io.tidecrm.customer.StaffSize;
import io.tidecrm.support.LenientEnumConverter;
import jakarta.persistence.Converter;

/** The descriptive coded fields of a customer, read leniently: an unknown stored code shows as not known. */
final class LenientCustomerEnums {

    private LenientCustomerEnums() {
    }

    @Converter
    static class StaffSizes extends LenientEnumConverter<StaffSize> {
        StaffSizes() {
            super(StaffSize.class);
        }
    }

    @Converter
    static class ServiceCodeStatuses extends LenientEnumConverter<ServiceCodeStatus> {
        ServiceCodeStatuses() {
            super(ServiceCodeStatus.class);
        }
    }

    @Converter
    static class Retentions extends LenientEnumConverter<Retention> {
        Retentions() {
            super(Retention.class);
        }
    }
}

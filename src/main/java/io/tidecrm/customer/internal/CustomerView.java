package io.tidecrm.customer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.Retention;
import io.tidecrm.customer.ServiceCodeStatus;
import io.tidecrm.customer.StaffSize;

/** Everything the customer page shows about a customer. */
public record CustomerView(long id, String name, String creditCode, CustomerType type, String region, String industry,
        CustomerSource source, String referrer, String website, String address, StaffSize staffSize,
        CustomerStatus status, Instant nextFollowUpAt, BigDecimal expectedAmount, LocalDate expectedCloseDate,
        String requirements, String extraDiscount, String remarks, List<String> tags,
        ServiceCodeStatus jkbServiceCodeStatus, String jkbRegistrationName, Retention jzmhRetention,
        String jzmhRegistrationName, String wechatyGithubUrl, Boolean wechatyContributor, Long ownerId,
        String ownerName, String createdByName, Instant createdAt, Instant clockAt, Instant lastFollowUpAt,
        Instant pooledAt, String poolReason, Instant poolDeadline, boolean deadlineNear, long version) {

    static CustomerView of(Customer c, String ownerName, String createdByName, Instant poolDeadline,
            boolean deadlineNear) {
        return new CustomerView(c.getId(), c.getName(), c.getCreditCode(), c.getType(), c.getRegion(),
                c.getIndustry(), c.getSource(), c.getReferrer(), c.getWebsite(), c.getAddress(), c.getStaffSize(),
                c.getStatus(), c.getNextFollowUpAt(), c.getExpectedAmount(), c.getExpectedCloseDate(),
                c.getRequirements(), c.getExtraDiscount(), c.getRemarks(), c.getTags(), c.getJkbServiceCodeStatus(),
                c.getJkbRegistrationName(), c.getJzmhRetention(), c.getJzmhRegistrationName(),
                c.getWechatyGithubUrl(), c.getWechatyContributor(), c.getOwnerId(), ownerName, createdByName,
                c.getCreatedAt(), c.getClockAt(), c.getLastFollowUpAt(), c.getPooledAt(), c.getPoolReason(),
                poolDeadline, deadlineNear, c.getVersion());
    }

    public boolean inPool() {
        return ownerId == null;
    }

    public boolean hasJkb() {
        return jkbServiceCodeStatus != null || jkbRegistrationName != null;
    }

    public boolean hasJzmh() {
        return jzmhRetention != null || jzmhRegistrationName != null;
    }

    public boolean hasWechaty() {
        return wechatyGithubUrl != null || wechatyContributor != null;
    }
}

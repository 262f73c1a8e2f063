package io.tidecrm.customer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.Retention;
import io.tidecrm.customer.ServiceCodeStatus;
import io.tidecrm.customer.StaffSize;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer. The owner, the clock and the pool fields are changed only by the rules in
 * {@link CustomerEditing}, {@link CustomerOwnership}, {@link CustomerDirectory} (the follow-up
 * clock) and {@link PoolOwnershipService}; forms never bind to this class.
 */
@Entity
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String nameKey;
    private String creditCode;

    @Enumerated(EnumType.STRING)
    private CustomerType type;

    private String region;
    private String industry;

    @Enumerated(EnumType.STRING)
    private CustomerSource source;

    private String referrer;
    private String website;
    private String address;

    @Convert(converter = LenientCustomerEnums.StaffSizes.class)
    private StaffSize staffSize;

    @Enumerated(EnumType.STRING)
    private CustomerStatus status;

    private Instant nextFollowUpAt;
    private BigDecimal expectedAmount;
    private LocalDate expectedCloseDate;
    private String requirements;
    private String extraDiscount;
    private String remarks;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    @Convert(converter = LenientCustomerEnums.ServiceCodeStatuses.class)
    @Column(name = "jkb_service_code_status")
    private ServiceCodeStatus jkbServiceCodeStatus;

    @Column(name = "jkb_registration_name")
    private String jkbRegistrationName;

    @Convert(converter = LenientCustomerEnums.Retentions.class)
    @Column(name = "jzmh_retention")
    private Retention jzmhRetention;

    @Column(name = "jzmh_registration_name")
    private String jzmhRegistrationName;

    private String wechatyGithubUrl;
    private Boolean wechatyContributor;

    private Long ownerId;
    private Instant clockAt;
    private Instant lastFollowUpAt;
    private Instant pooledAt;
    private String poolReason;

    @Column(updatable = false)
    private Long createdById;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {
    }

    Customer(long ownerId, long createdById, Instant now) {
        this.ownerId = ownerId;
        this.createdById = createdById;
        this.createdAt = now;
        this.updatedAt = now;
        this.clockAt = now;
    }

    /**
     * A customer from an import: owned by {@code ownerId} from {@code now}, or in the public pool
     * since {@code now} when there is no owner.
     */
    static Customer imported(Long ownerId, long createdById, Instant now) {
        Customer c = new Customer();
        c.ownerId = ownerId;
        c.createdById = createdById;
        c.createdAt = now;
        c.updatedAt = now;
        c.clockAt = now;
        if (ownerId == null) {
            c.pooledAt = now;
            c.poolReason = IMPORTED_TO_POOL;
        }
        return c;
    }

    /** The pool reason of a customer that an import put into the pool (shown through a message key). */
    static final String IMPORTED_TO_POOL = "#IMPORTED";

    CustomerRef toRef() {
        return new CustomerRef(id, name, type, status, ownerId, nextFollowUpAt, clockAt, lastFollowUpAt);
    }

    Long getId() { return id; }
    String getName() { return name; }
    void setName(String name) { this.name = name; }
    String getNameKey() { return nameKey; }
    void setNameKey(String nameKey) { this.nameKey = nameKey; }
    String getCreditCode() { return creditCode; }
    void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    CustomerType getType() { return type; }
    void setType(CustomerType type) { this.type = type; }
    String getRegion() { return region; }
    void setRegion(String region) { this.region = region; }
    String getIndustry() { return industry; }
    void setIndustry(String industry) { this.industry = industry; }
    CustomerSource getSource() { return source; }
    void setSource(CustomerSource source) { this.source = source; }
    String getReferrer() { return referrer; }
    void setReferrer(String referrer) { this.referrer = referrer; }
    String getWebsite() { return website; }
    void setWebsite(String website) { this.website = website; }
    String getAddress() { return address; }
    void setAddress(String address) { this.address = address; }
    StaffSize getStaffSize() { return staffSize; }
    void setStaffSize(StaffSize staffSize) { this.staffSize = staffSize; }
    CustomerStatus getStatus() { return status; }
    void setStatus(CustomerStatus status) { this.status = status; }
    Instant getNextFollowUpAt() { return nextFollowUpAt; }
    void setNextFollowUpAt(Instant nextFollowUpAt) { this.nextFollowUpAt = nextFollowUpAt; }
    BigDecimal getExpectedAmount() { return expectedAmount; }
    void setExpectedAmount(BigDecimal expectedAmount) { this.expectedAmount = expectedAmount; }
    LocalDate getExpectedCloseDate() { return expectedCloseDate; }
    void setExpectedCloseDate(LocalDate expectedCloseDate) { this.expectedCloseDate = expectedCloseDate; }
    String getRequirements() { return requirements; }
    void setRequirements(String requirements) { this.requirements = requirements; }
    String getExtraDiscount() { return extraDiscount; }
    void setExtraDiscount(String extraDiscount) { this.extraDiscount = extraDiscount; }
    String getRemarks() { return remarks; }
    void setRemarks(String remarks) { this.remarks = remarks; }
    List<String> getTags() { return tags; }
    void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
    ServiceCodeStatus getJkbServiceCodeStatus() { return jkbServiceCodeStatus; }
    void setJkbServiceCodeStatus(ServiceCodeStatus s) { this.jkbServiceCodeStatus = s; }
    String getJkbRegistrationName() { return jkbRegistrationName; }
    void setJkbRegistrationName(String s) { this.jkbRegistrationName = s; }
    Retention getJzmhRetention() { return jzmhRetention; }
    void setJzmhRetention(Retention r) { this.jzmhRetention = r; }
    String getJzmhRegistrationName() { return jzmhRegistrationName; }
    void setJzmhRegistrationName(String s) { this.jzmhRegistrationName = s; }
    String getWechatyGithubUrl() { return wechatyGithubUrl; }
    void setWechatyGithubUrl(String s) { this.wechatyGithubUrl = s; }
    Boolean getWechatyContributor() { return wechatyContributor; }
    void setWechatyContributor(Boolean b) { this.wechatyContributor = b; }
    Long getOwnerId() { return ownerId; }
    void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
    Instant getClockAt() { return clockAt; }
    void setClockAt(Instant clockAt) { this.clockAt = clockAt; }
    Instant getLastFollowUpAt() { return lastFollowUpAt; }
    Instant getPooledAt() { return pooledAt; }
    String getPoolReason() { return poolReason; }
    Long getCreatedById() { return createdById; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    long getVersion() { return version; }
}

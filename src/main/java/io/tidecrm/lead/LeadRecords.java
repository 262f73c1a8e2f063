package io.tidecrm.lead;

import java.time.Instant;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;

/**
 * Leads read and written by another channel than the pages (the REST API), through the lead
 * module's own services: the form's validation, the duplicate check against leads, customers (the
 * pool's included) and contacts, and the assignment on arrival (a rep who records a lead keeps it).
 * A lead outside the caller's scope throws a 404 exception of the lead module; a refused rule throws
 * {@code io.tidecrm.support.RuleViolation} (possible duplicates as {@link LeadDuplicateException});
 * an input that breaks a field's constraint throws {@code jakarta.validation.ConstraintViolationException}.
 */
public interface LeadRecords {

    /** The leads the viewer may see (own, team or all, as the pages) and the lead pool, newest first. */
    KeysetPage<LeadData> list(String cursor, int pageSize, CurrentUser viewer);

    LeadData get(long leadId, CurrentUser viewer);

    /**
     * Records a lead as the form does and returns it as recorded, also when an arrival rule gave it
     * to a rep outside the creator's scope. Possible duplicates refuse it unless
     * {@code duplicatesAccepted} (the form's "not a duplicate, save anyway").
     */
    LeadData create(LeadInput input, boolean duplicatesAccepted, CurrentUser creator);

    /**
     * A lead as the API shows it; {@code ownerId} null means it is in the lead pool.
     *
     * @param source WEBSITE, TRADE_SHOW, REFERRAL, INBOUND_CALL, SOCIAL_MEDIA or OTHER
     * @param status NEW, ASSIGNED, CONTACTABLE, INVALID, NURTURING, CONVERTED or CLOSED
     * @param ruleId the assignment rule that gave the lead to its owner, if one did
     */
    record LeadData(long id, String companyName, String creditCode, String contactName, String title, String mobile,
            String email, String wechatId, String region, String industry, String source, String sourceDetail,
            String purchaseIntent, String budget, String purchaseTimeline, String painPoints, String companySize,
            String founded, String mainBusiness, List<String> unverified, List<String> tags, String remarks,
            String status, Long ownerId, Long ruleId, Instant assignedAt, Instant confirmDue, Long customerId,
            Instant createdAt, long version) {
    }

    /**
     * What a caller may set on a new lead (blank or null: not given).
     *
     * @param source as in {@link LeadData}; OTHER when not given
     * @param unverified the fields marked 待核实 (title, mobile, email, region, industry, budget,
     *        purchaseTimeline, companySize, founded, mainBusiness)
     */
    record LeadInput(String companyName, String creditCode, String contactName, String title, String mobile,
            String email, String wechatId, String region, String industry, String source, String sourceDetail,
            String purchaseIntent, String budget, String purchaseTimeline, String painPoints, String companySize,
            String founded, String mainBusiness, List<String> unverified, List<String> tags, String remarks) {
    }
}

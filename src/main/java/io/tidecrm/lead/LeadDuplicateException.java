package io.tidecrm.lead;

import java.util.List;

import io.tidecrm.support.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A new lead refused because it may duplicate leads, customers or contacts: the refusal
 * ({@code lead.duplicate.found}) is on the field of the first match and names it with its owner
 * (masked when the caller may not see it); {@link #matches()} lists them all.
 */
public class LeadDuplicateException extends RuleViolation {

    /**
     * @param kind LEAD, CUSTOMER or CONTACT
     * @param matchedOn NAME, CREDIT_CODE, MOBILE or EMAIL
     * @param ownerName null for the pool
     */
    public record Match(String kind, long id, String name, String matchedOn, String ownerName, boolean inPool) {
    }

    private final transient List<Match> matches;

    public LeadDuplicateException(List<Match> matches) {
        super(field(matches.get(0).matchedOn()), "lead.duplicate.found",
                new DefaultMessageSourceResolvable("lead.duplicates.kind." + matches.get(0).kind()),
                matches.get(0).name(), matches.get(0).ownerName() == null ? "-" : matches.get(0).ownerName());
        this.matches = List.copyOf(matches);
    }

    /** The input's field that a match was found on. */
    public static String field(String matchedOn) {
        return switch (matchedOn) {
            case "CREDIT_CODE" -> "creditCode";
            case "MOBILE" -> "mobile";
            case "EMAIL" -> "email";
            default -> "companyName";
        };
    }

    public List<Match> matches() {
        return matches;
    }
}

package io.tidecrm.sales.internal;

import io.tidecrm.followup.SubjectLookup;
import org.springframework.stereotype.Component;

/** Follow-ups can be written on an opportunity the viewer may see; they follow up its customer. */
@Component
class OpportunityFollowUps extends SubjectLookup<Opportunity> {

    OpportunityFollowUps(OpportunityService opportunities) {
        super("OPPORTUNITY", "/opportunities/", OpportunityNotFoundException.class, opportunities::loadVisible,
                Opportunity::getCustomerId, Opportunity::getTitle);
    }
}

package io.tidecrm.sales.internal;

import java.util.Optional;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.followup.FollowUpSubjects;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** Follow-ups can be written on an opportunity the viewer may see; they follow up its customer. */
@Component
class OpportunityFollowUps implements FollowUpSubjects {

    private final OpportunityService opportunities;

    OpportunityFollowUps(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public String type() {
        return "OPPORTUNITY";
    }

    @Override
    public Optional<Subject> find(long subjectId, CurrentUser viewer) {
        try {
            Opportunity o = opportunities.loadVisible(subjectId, viewer);
            return Optional.of(new Subject(o.getCustomerId(), o.getTitle(), "/opportunities/" + o.getId()));
        } catch (CustomerNotFoundException | OpportunityNotFoundException e) {
            return Optional.empty();
        }
    }
}

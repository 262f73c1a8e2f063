package io.tidecrm.contract.internal;

import java.util.Optional;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.followup.FollowUpSubjects;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** Follow-ups can be written on a contract the viewer may see; they follow up its customer. */
@Component
class ContractFollowUps implements FollowUpSubjects {

    private final ContractService contracts;

    ContractFollowUps(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public String type() {
        return "CONTRACT";
    }

    @Override
    public Optional<Subject> find(long subjectId, CurrentUser viewer) {
        try {
            Contract c = contracts.loadVisible(subjectId, viewer);
            return Optional.of(new Subject(c.getCustomerId(), c.getTitle(), "/contracts/" + c.getId()));
        } catch (CustomerNotFoundException | ContractNotFoundException e) {
            return Optional.empty();
        }
    }
}

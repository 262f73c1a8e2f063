package io.tidecrm.contract.internal;

import io.tidecrm.followup.SubjectLookup;
import org.springframework.stereotype.Component;

/** Follow-ups can be written on a contract the viewer may see; they follow up its customer. */
@Component
class ContractFollowUps extends SubjectLookup<Contract> {

    ContractFollowUps(ContractService contracts) {
        super("CONTRACT", "/contracts/", ContractNotFoundException.class, contracts::loadVisible,
                Contract::getCustomerId, Contract::getTitle);
    }
}

package io.tidecrm.contract.internal;

import java.util.Map;

import io.tidecrm.customer.CustomerPanel;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The customer's contracts on the customer page, with a link to create one. */
@Component
class ContractPanel implements CustomerPanel {

    static final int LIMIT = 20;

    private final ContractQueries queries;

    ContractPanel(ContractQueries queries) {
        this.queries = queries;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String fragment() {
        return "contract/panel :: panel";
    }

    @Override
    public void populate(CustomerRef customer, CurrentUser viewer, Map<String, Object> model) {
        model.put("customerContracts", queries.ofCustomer(customer.id(), viewer, LIMIT));
        model.put("customerInPool", customer.ownerId() == null);
    }
}

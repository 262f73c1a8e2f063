package io.tidecrm.sales.internal;

import java.util.Map;

import io.tidecrm.customer.CustomerPanel;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The customer's opportunities on the customer page, with a link to create one. */
@Component
class OpportunityPanel implements CustomerPanel {

    static final int LIMIT = 20;

    private final OpportunityQueries queries;

    OpportunityPanel(OpportunityQueries queries) {
        this.queries = queries;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String fragment() {
        return "sales/panel :: panel";
    }

    @Override
    public void populate(CustomerRef customer, CurrentUser viewer, Map<String, Object> model) {
        model.put("customerOpportunities", queries.ofCustomer(customer.id(), viewer, LIMIT));
        model.put("customerInPool", customer.ownerId() == null);
    }
}

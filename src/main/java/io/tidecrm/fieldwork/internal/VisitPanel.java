package io.tidecrm.fieldwork.internal;

import java.util.Map;

import io.tidecrm.customer.CustomerPanel;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The customer page's visits: the latest ones, the way to plan one, and the customer's known location. */
@Component
class VisitPanel implements CustomerPanel {

    private static final int SHOWN = 5;

    private final VisitQueries queries;
    private final CustomerLocations locations;

    VisitPanel(VisitQueries queries, CustomerLocations locations) {
        this.queries = queries;
        this.locations = locations;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String fragment() {
        return "fieldwork/panel :: panel";
    }

    @Override
    public void populate(CustomerRef customer, CurrentUser viewer, Map<String, Object> model) {
        if (customer.ownerId() == null) {
            // A pool customer is read by everyone but visited by nobody until someone owns it.
            model.put("visitsHidden", true);
            return;
        }
        model.put("customerVisits", queries.ofCustomer(customer.id(), viewer, SHOWN));
        model.put("customerLocation", locations.of(customer.id()).orElse(null));
        model.putIfAbsent("locationForm", new CustomerLocationForm(null, null));
    }
}

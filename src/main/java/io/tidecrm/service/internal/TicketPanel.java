package io.tidecrm.service.internal;

import java.util.Map;

import io.tidecrm.customer.CustomerPanel;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The customer's tickets on the customer page, with the buttons to record a complaint or a request. */
@Component
class TicketPanel implements CustomerPanel {

    static final int LIMIT = 20;

    private final TicketQueries queries;

    TicketPanel(TicketQueries queries) {
        this.queries = queries;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String fragment() {
        return "service/panel :: panel";
    }

    @Override
    public void populate(CustomerRef customer, CurrentUser viewer, Map<String, Object> model) {
        model.put("customerTickets", queries.ofCustomer(customer.id(), viewer, LIMIT));
    }
}

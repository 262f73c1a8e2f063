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
    private final Handover handover;
    private final io.tidecrm.identity.UserManagement users;

    TicketPanel(TicketQueries queries, Handover handover, io.tidecrm.identity.UserManagement users) {
        this.queries = queries;
        this.handover = handover;
        this.users = users;
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
        // Read once: the name shown and the choice preselected (issue 14: each row of the page once).
        java.util.Optional<Long> contact = handover.contactOf(customer.id());
        model.put("serviceContactName", contact.flatMap(users::findUser)
                .map(io.tidecrm.identity.UserSummary::displayName).orElse(null));
        // Who may be named is chosen on a page of its own (/customers/{id}/service-contact).
        model.put("mayNameServiceContact", handover.mayName(customer, viewer));
    }
}

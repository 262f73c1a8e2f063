package io.tidecrm.followup.internal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerPanel;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The follow-up form and timeline on the customer page. */
@Component
class FollowUpPanel implements CustomerPanel {

    private final FollowUpService followUps;
    static final String SCHEDULED_NEXT = "scheduledNext";

    private final CustomerManagement customers;
    private final java.time.Clock clock;

    FollowUpPanel(FollowUpService followUps, CustomerManagement customers, java.time.Clock clock) {
        this.followUps = followUps;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fragment() {
        return "followup/panel :: panel";
    }

    @Override
    public void populate(CustomerRef customer, CurrentUser viewer, Map<String, Object> model) {
        if (customer.ownerId() == null) {
            // In the pool: the history can be read, but nobody writes follow-ups until someone owns it.
            model.put("customerId", customer.id());
            model.put("followUpReadOnly", true);
            model.put("timeline", followUps.timeline(customer.id(), null, viewer));
            return;
        }
        model.put(SCHEDULED_NEXT, customer.nextFollowUpAt());
        populate(customer.id(), viewer, model, null);
    }

    /** Fills the model for the panel; a null form means a fresh one. */
    void populate(long customerId, CurrentUser viewer, Map<String, Object> model, FollowUpForm form) {
        model.put("customerId", customerId);
        if (!model.containsKey(SCHEDULED_NEXT)) {
            // The form says which scheduled time a follow-up without a next time keeps.
            model.put(SCHEDULED_NEXT, customers.findVisible(customerId, viewer).nextFollowUpAt());
        }
        model.putIfAbsent("followUpForm", form != null ? form
                : FollowUpForm.empty(LocalDateTime.now(clock).withSecond(0).withNano(0)));
        model.put("timeline", followUps.timeline(customerId, null, viewer));
        model.put("followUpContacts", customers.contactsOf(customerId, viewer));
        model.put("notifyCandidates", followUps.notifyCandidates(customerId, viewer));
        model.put("followUpKinds", FollowUpKind.values());
        model.put("followUpStatuses", Arrays.stream(CustomerStatus.values()).filter(s -> !s.isWon()).toList());
    }
}

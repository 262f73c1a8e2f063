package io.tidecrm.contract.internal;

import java.time.LocalDate;
import java.time.Clock;

import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The contract page with its forms (decision, plan, payment). A form that was just submitted
 * with errors is already in the model and is shown as it came, with its input kept.
 */
@Component
class ContractDetailPage {

    private final ContractDetailReader reader;
    private final Clock clock;

    ContractDetailPage(ContractDetailReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    String show(long id, CurrentUser user, Model model) {
        ContractDetails details = reader.details(id, user);
        model.addAttribute("contract", details);
        model.addAttribute("paymentMethods", PaymentMethod.values());
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", new DecisionForm(null, "", details.version()));
        }
        if (!model.containsAttribute("instalmentForm")) {
            model.addAttribute("instalmentForm", new InstalmentForm(null, null));
        }
        if (!model.containsAttribute("paymentForm")) {
            model.addAttribute("paymentForm",
                    new PaymentForm(LocalDate.now(clock), null, details.paymentMethod(), null, ""));
        }
        return "contract/detail";
    }
}

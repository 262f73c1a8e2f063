package io.tidecrm.contract.internal;

import static io.tidecrm.contract.internal.ContractService.blankToNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tidecrm.catalog.LinePricing;
import io.tidecrm.catalog.ProductSummary;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing contracts: the terms, and the lines with a total computed on the server
 * whatever the client sent. An edit that changes the money terms of an approved contract sends
 * it back for approval ({@link ContractApproval}); the total never falls below the payment plan
 * or what was received ({@link ContractPayments}). Creating a contract counts as following up its
 * customer, in the same transaction.
 */
@Service
@Transactional
class ContractEditing {

    private final ContractService access;
    private final ContractRepository contracts;
    private final ContractPayments payments;
    private final ContractApproval approval;
    private final CustomerManagement customers;
    private final LinePricing pricing;
    private final UserManagement users;
    private final Clock clock;

    ContractEditing(ContractService access, ContractRepository contracts, ContractPayments payments,
            ContractApproval approval, CustomerManagement customers, LinePricing pricing, UserManagement users,
            Clock clock) {
        this.access = access;
        this.contracts = contracts;
        this.payments = payments;
        this.approval = approval;
        this.customers = customers;
        this.pricing = pricing;
        this.users = users;
        this.clock = clock;
    }

    long create(long customerId, ContractForm form, CurrentUser viewer) {
        CustomerRef customer = customers.findVisible(customerId, viewer);
        if (customer.ownerId() == null) {
            throw new RuleViolation(null, "contract.customer.inPool");
        }
        Priced priced = price(form, Map.of());
        checkTerms(customerId, form);
        Instant now = clock.instant();
        Contract contract = new Contract(customerId, customer.ownerId(), viewer.id(), now);
        contract.applyTerms(form, nextFollowUp(form), blankToNull(form.remarks()));
        contract.applyLines(priced.lines(), priced.total(), now);
        contracts.saveAndFlush(contract);
        customers.recordActivity(customerId, viewer, now);
        return contract.getId();
    }

    /**
     * Saves the edit from the version the viewer saw. When the money terms of an approved
     * contract change, it goes back for approval, asked by the editor. The total never falls
     * below the plan or what was received.
     */
    void update(long id, ContractForm form, CurrentUser viewer) {
        access.requireVisible(id, viewer);
        ContractPayments.Money money = payments.lock(id);
        Contract contract = contracts.findById(id).orElseThrow(ContractNotFoundException::new);
        if (form.version() == null || form.version() != contract.getVersion()) {
            throw new RuleViolation(null, "contract.stale");
        }
        Map<Long, Long> linesPerProduct = contract.getLines().stream()
                .collect(Collectors.groupingBy(ContractLine::productId, Collectors.counting()));
        Priced priced = price(form, linesPerProduct);
        checkTerms(contract.getCustomerId(), form);
        if (priced.total().compareTo(money.planned()) < 0) {
            throw new RuleViolation(null, "contract.total.belowPlan", money.planned());
        }
        if (priced.total().compareTo(money.received()) < 0) {
            throw new RuleViolation(null, "contract.total.belowReceived", money.received());
        }
        boolean moneyChanged = !contract.getLines().equals(priced.lines())
                || contract.getTotal().compareTo(priced.total()) != 0;
        Instant now = clock.instant();
        contract.applyTerms(form, nextFollowUp(form), blankToNull(form.remarks()));
        contract.applyLines(priced.lines(), priced.total(), now);
        boolean resubmitted = moneyChanged && contract.getApprovalState() == ApprovalState.APPROVED;
        if (resubmitted) {
            contract.resubmit(viewer.id(), now);
        }
        try {
            contracts.saveAndFlush(contract);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new RuleViolation(null, "contract.stale");
        }
        if (resubmitted) {
            approval.publishSubmitted(contract.getId(), contract.getTitle(), contract.getCustomerId(), viewer, now);
            approval.publishSentBack(contract.getId(), money.total(), viewer, now);
        }
    }

    private void checkTerms(long customerId, ContractForm form) {
        RuleViolation.Collector refused = RuleViolation.collect();
        if (form.serviceStart() != null && form.serviceEnd() != null && form.serviceEnd().isBefore(form.serviceStart())) {
            refused.add("serviceEnd", "contract.serviceEnd.beforeStart");
        }
        if (form.customerSignatoryId() != null
                && customers.contactsById(customerId, List.of(form.customerSignatoryId())).isEmpty()) {
            refused.add("customerSignatoryId", "contract.customerSignatory.invalid");
        }
        if (form.ourSignatoryId() != null
                && !users.findUser(form.ourSignatoryId()).map(UserSummary::enabled).orElse(false)) {
            refused.add("ourSignatoryId", "contract.ourSignatory.invalid");
        }
        refused.throwIfAny();
    }

    private Instant nextFollowUp(ContractForm form) {
        return form.nextFollowUpAt() == null ? null : form.nextFollowUpAt().atZone(clock.getZone()).toInstant();
    }

    private record Priced(List<ContractLine> lines, BigDecimal total) {
    }

    /**
     * The lines and total from the form, priced by the catalog whatever the client sent (see
     * {@link LinePricing}): the total is the sum of the line totals, and a contract has at least
     * one line.
     */
    private Priced price(ContractForm form, Map<Long, Long> linesPerProductBefore) {
        LinePricing.Priced priced = pricing.price(form.rows(), linesPerProductBefore);
        RuleViolation.Collector refused = RuleViolation.collect();
        priced.refusals().forEach(r -> refused.add(r.field(), "contract." + r.problem().key(), r.args()));
        if (!priced.anyRow()) {
            refused.add(null, "contract.lines.required");
        }
        refused.throwIfAny();
        return new Priced(priced.lines().stream().map(ContractLine::of).toList(), priced.total());
    }

    // --- the form page

    @Transactional(readOnly = true)
    ContractForm formOf(long id, CurrentUser viewer) {
        Contract c = access.loadVisible(id, viewer);
        return new ContractForm(c.getTitle(), c.getStatus(), c.getType(), c.getPaymentMethod(), c.getSignDate(),
                c.getServiceStart(), c.getServiceEnd(), c.getCustomerSignatoryId(), c.getOurSignatoryId(),
                c.getNextFollowUpAt() == null ? null
                        : c.getNextFollowUpAt().atZone(clock.getZone()).toLocalDateTime(),
                c.getRemarks() == null ? "" : c.getRemarks(),
                c.getLines().stream().map(ContractLineForm::of).toList(), c.getVersion());
    }

    /** The customer a contract belongs to, read through the viewer's scope. */
    @Transactional(readOnly = true)
    CustomerRef customerOf(long id, CurrentUser viewer) {
        return customers.findVisible(access.loadVisible(id, viewer).getCustomerId(), viewer);
    }

    /**
     * The products a line may name: the enabled ones, and on an existing contract also those of
     * its lines that were disabled since (they stay on the lines that had them).
     */
    @Transactional(readOnly = true)
    List<ProductSummary> productChoices(Long contractId, CurrentUser viewer) {
        return pricing.choices(contractId == null ? List.of()
                : access.loadVisible(contractId, viewer).getLines().stream().map(ContractLine::productId).toList());
    }

    /** Who may sign for us: the enabled users who are not administrators. */
    @Transactional(readOnly = true)
    List<UserSummary> signatoryChoices() {
        return users.findEnabledUsers().stream().filter(u -> u.role() != Role.ADMIN).toList();
    }
}

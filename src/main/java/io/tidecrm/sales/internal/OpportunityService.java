package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tidecrm.catalog.LinePricing;
import io.tidecrm.catalog.LineView;
import io.tidecrm.catalog.PricedLine;
import io.tidecrm.catalog.ProductSummary;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.sales.OpportunityCreated;
import io.tidecrm.sales.OpportunityLost;
import io.tidecrm.sales.OpportunityStageChanged;
import io.tidecrm.sales.OpportunityWon;
import io.tidecrm.support.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunities and their rules: visibility through the customer's scope, server-computed
 * line totals and amount, the stage moves of {@link Stage}, optimistic locking. Creating one
 * counts as following up its customer, in the same transaction. Creations and stage moves are
 * published as facts ({@link OpportunityCreated}, {@link OpportunityStageChanged}, and
 * {@link OpportunityWon} or {@link OpportunityLost} on closing), with the owner's team at that moment.
 */
@Service
@Transactional
class OpportunityService implements io.tidecrm.sales.OpportunityIntake {

    private static final int MAX_REASON = 500;
    private static final int MAX_TITLE = 200;

    private final OpportunityRepository opportunities;
    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final LinePricing pricing;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Times times;
    private final Clock clock;

    OpportunityService(OpportunityRepository opportunities, JdbcClient jdbc, CustomerManagement customers,
            LinePricing pricing, UserManagement users, ApplicationEventPublisher events, Times times, Clock clock) {
        this.opportunities = opportunities;
        this.jdbc = jdbc;
        this.customers = customers;
        this.pricing = pricing;
        this.users = users;
        this.events = events;
        this.times = times;
        this.clock = clock;
    }

    /** Loads an opportunity whose customer the viewer may see, or answers 404. */
    Opportunity loadVisible(long id, CurrentUser viewer) {
        CustomerScope scope = customers.scopeCondition("c", viewer);
        boolean visible = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM opportunity o %s
                               WHERE o.id = :id AND %s)
                """.formatted(CustomerScope.join("c", "o.customer_id"), scope.condition()))
                .param("id", id)
                .params(scope.params())
                .query(Boolean.class)
                .single();
        if (!visible) {
            throw new OpportunityNotFoundException();
        }
        return opportunities.findById(id).orElseThrow(OpportunityNotFoundException::new);
    }

    // --- create and edit

    @Override
    public long createConfirmed(long customerId, String title, java.math.BigDecimal amount,
            java.time.LocalDate expectedCloseDate, CurrentUser viewer) {
        return create(customerId, new OpportunityForm(title, Stage.QUALIFIED, amount, expectedCloseDate, null, "",
                List.of(), null), viewer);
    }

    /**
     * The renewal keeps the contract's lines as they were sold, a product disabled since included
     * (as an edit keeps the lines that had one), and is owned by the contract's owner.
     */
    @Override
    public long createRenewal(long customerId, long ownerId, String title, BigDecimal amount,
            java.time.LocalDate expectedCloseDate, List<PricedLine> lines, CurrentUser viewer) {
        Map<Long, Long> linesPerProduct = lines.stream()
                .collect(Collectors.groupingBy(PricedLine::productId, Collectors.counting()));
        List<LineForm> rows = lines.stream()
                .map(l -> new LineForm(l.productId(), l.quantity(), l.unitPrice(), l.discountPercent())).toList();
        String fitted = title.strip().length() > MAX_TITLE ? title.strip().substring(0, MAX_TITLE) : title;
        return create(customerId, ownerId, new OpportunityForm(fitted, Stage.QUALIFIED, amount, expectedCloseDate,
                null, "", rows, null), linesPerProduct, viewer);
    }

    long create(long customerId, OpportunityForm form, CurrentUser viewer) {
        return create(customerId, null, form, Map.of(), viewer);
    }

    /** @param ownerId the owner, or null for the customer's owner */
    private long create(long customerId, Long ownerId, OpportunityForm form, Map<Long, Long> linesPerProduct,
            CurrentUser viewer) {
        CustomerRef customer = customers.findVisible(customerId, viewer);
        if (customer.ownerId() == null) {
            throw new RuleViolation(null, "opportunity.customer.inPool");
        }
        Stage stage = form.stage() == null ? Stage.LEAD : form.stage();
        if (stage.isClosed()) {
            throw new RuleViolation("stage", "opportunity.stage.newMustBeOpen");
        }
        Priced priced = price(form, linesPerProduct);
        Instant now = clock.instant();
        Opportunity opportunity = new Opportunity(customerId, ownerId == null ? customer.ownerId() : ownerId, stage,
                viewer.id(), now);
        apply(opportunity, form, stage, priced, now);
        opportunities.saveAndFlush(opportunity);
        // The customer's clock moves in this transaction (a direct call): the reclaim never sees the
        // opportunity without it.
        customers.recordActivity(customerId, viewer, now);
        events.publishEvent(new OpportunityCreated(opportunity.getId(), customerId, opportunity.getTitle(),
                opportunity.getOwnerId(), teamOf(opportunity.getOwnerId()), stage.name(), opportunity.getAmount(), now,
                times.businessDate(now)));
        return opportunity.getId();
    }

    void update(long id, OpportunityForm form, CurrentUser viewer) {
        Opportunity opportunity = loadVisible(id, viewer);
        if (opportunity.getStage().isClosed()) {
            throw new RuleViolation(null, "opportunity.closed.readOnly");
        }
        requireVersion(opportunity, form.version());
        Map<Long, Long> linesPerProduct = opportunity.getLines().stream()
                .collect(Collectors.groupingBy(OpportunityLine::productId, Collectors.counting()));
        apply(opportunity, form, opportunity.getStage(), price(form, linesPerProduct), clock.instant());
        save(opportunity);
    }

    private static void apply(Opportunity opportunity, OpportunityForm form, Stage stage, Priced priced, Instant now) {
        int probability = form.probability() == null ? stage.defaultProbability() : form.probability();
        opportunity.apply(form.title().strip(), form.expectedCloseDate(), probability, blankToNull(form.nextStep()),
                priced.lines(), priced.amount(), now);
    }

    private record Priced(List<OpportunityLine> lines, BigDecimal amount) {
    }

    /**
     * The lines and amount from the form, priced by the catalog whatever the client sent (see
     * {@link LinePricing}): the amount is the sum of the line totals, entered by hand only when
     * there are no lines.
     */
    private Priced price(OpportunityForm form, Map<Long, Long> linesPerProductBefore) {
        LinePricing.Priced priced = pricing.price(form.rows(), linesPerProductBefore);
        RuleViolation.Collector refused = RuleViolation.collect();
        priced.refusals().forEach(r -> refused.add(r.field(), "opportunity." + r.problem().key(), r.args()));
        BigDecimal amount = priced.total();
        if (priced.lines().isEmpty() && refused.isEmpty()) {
            amount = form.amount();
            if (amount == null) {
                refused.add("amount", "opportunity.amount.required");
            }
        }
        refused.throwIfAny();
        return new Priced(priced.lines().stream().map(OpportunityLine::of).toList(), amount);
    }

    // --- stages

    /**
     * Moves the opportunity to another stage if {@link Stage} allows it for this viewer, from
     * the version the viewer saw. Moving to the stage it is in changes nothing.
     */
    void moveStage(long id, StageForm form, CurrentUser viewer) {
        Opportunity opportunity = loadVisible(id, viewer);
        requireVersion(opportunity, form.version());
        Stage from = opportunity.getStage();
        Stage to = form.stage();
        if (to == from) {
            return;
        }
        String refusal = from.refusalOfMoveTo(to, viewer);
        if (refusal != null) {
            throw new RuleViolation("stage", refusal);
        }
        String reason = blankToNull(form.lostReason());
        if (to == Stage.LOST && reason == null) {
            throw new RuleViolation("lostReason", "opportunity.lostReason.required");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new RuleViolation("lostReason", "opportunity.lostReason.tooLong", MAX_REASON);
        }
        Instant now = clock.instant();
        opportunity.moveTo(to, reason, now);
        save(opportunity);
        publishMove(opportunity, from, viewer, now);
    }

    /** A stage move as facts: always the move, and the win or the loss when it closes the opportunity. */
    private void publishMove(Opportunity o, Stage from, CurrentUser viewer, Instant now) {
        Long teamId = teamOf(o.getOwnerId());
        var businessDate = times.businessDate(now);
        events.publishEvent(new OpportunityStageChanged(o.getId(), o.getCustomerId(), o.getOwnerId(), teamId,
                from.name(), o.getStage().name(), o.getAmount(), viewer.id(), now, businessDate));
        if (o.getStage() == Stage.WON) {
            events.publishEvent(new OpportunityWon(o.getId(), o.getCustomerId(), o.getTitle(), o.getOwnerId(), teamId,
                    o.getAmount(), now, businessDate));
        } else if (o.getStage() == Stage.LOST) {
            events.publishEvent(new OpportunityLost(o.getId(), o.getCustomerId(), o.getTitle(), o.getOwnerId(), teamId,
                    o.getAmount(), o.getLostReason(), now, businessDate));
        }
    }

    private Long teamOf(long userId) {
        return users.findUser(userId).map(UserSummary::teamId).orElse(null);
    }

    private static void requireVersion(Opportunity opportunity, Long version) {
        if (version == null || version != opportunity.getVersion()) {
            throw new RuleViolation(null, "opportunity.stale");
        }
    }

    private void save(Opportunity opportunity) {
        try {
            opportunities.saveAndFlush(opportunity);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new RuleViolation(null, "opportunity.stale");
        }
    }

    // --- reads

    @Transactional(readOnly = true)
    OpportunityForm formOf(long id, CurrentUser viewer) {
        return OpportunityForm.of(loadVisible(id, viewer));
    }

    /** The customer an opportunity belongs to, read through the viewer's scope. */
    @Transactional(readOnly = true)
    CustomerRef customerOf(long id, CurrentUser viewer) {
        return customers.findVisible(loadVisible(id, viewer).getCustomerId(), viewer);
    }

    @Transactional(readOnly = true)
    OpportunityDetails details(long id, CurrentUser viewer) {
        Opportunity o = loadVisible(id, viewer);
        CustomerRef customer = customers.findVisible(o.getCustomerId(), viewer);
        Map<Long, UserSummary> names = users.findUsers(List.of(o.getOwnerId(), o.getCreatedById()));
        List<LineView> lineViews = pricing.views(o.getLines().stream().map(OpportunityLine::priced).toList());
        return new OpportunityDetails(o.getId(), o.getTitle(), o.getCustomerId(), customer.name(), o.getStage(),
                o.getAmount(), o.getExpectedCloseDate(), o.getProbability(), o.getNextStep(), o.getLostReason(),
                displayName(names, o.getOwnerId()), displayName(names, o.getCreatedById()), o.getCreatedAt(),
                o.getUpdatedAt(), o.getClosedAt(), o.getVersion(), lineViews);
    }

    /**
     * The products a line may name: the enabled ones, and on an existing opportunity also
     * those of its lines that were disabled since (they stay on the lines that had them).
     */
    @Transactional(readOnly = true)
    List<ProductSummary> productChoices(Long opportunityId, CurrentUser viewer) {
        return pricing.choices(opportunityId == null ? List.of()
                : loadVisible(opportunityId, viewer).getLines().stream().map(OpportunityLine::productId).toList());
    }

    static String displayName(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

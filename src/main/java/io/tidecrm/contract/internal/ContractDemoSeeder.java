package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tidecrm.catalog.CatalogManagement;
import io.tidecrm.catalog.PricedLine;
import io.tidecrm.catalog.ProductSummary;
import io.tidecrm.contract.ContractDemoData;
import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;
import io.tidecrm.support.DemoRandom;
import io.tidecrm.support.RowArrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo contracts (development only). A won customer's contract was created by its owner
 * while following it up, submitted, sometimes rejected once and corrected, and approved by the
 * team's manager at the moment the customer was won; its plan adds up to the total, and the
 * payments received never exceed an instalment (every fourth contract leaves its first due
 * instalment unpaid, so the overdue list has rows). Of each rep's customers in negotiation, two
 * contracts wait for approval, one was rejected and one is a draft.
 */
@Component
@Profile("!prod")
@Transactional(propagation = Propagation.MANDATORY)
class ContractDemoSeeder implements ContractDemoData {

    private static final Logger log = LoggerFactory.getLogger(ContractDemoSeeder.class);

    private static final long SEED = 20_260_104L;

    private static final List<String> REJECTIONS = List.of("折扣超出权限，请调整到 9 折以内", "付款计划首期比例太低，至少 30%",
            "请补充客户盖章的报价确认单");

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final Clock clock;

    ContractDemoSeeder(JdbcClient jdbc, CatalogManagement catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One contract being planned. */
    private static final class Draft {
        long id;
        DemoCustomers.Customer customer;
        long ownerId;
        String title;
        ContractStatus status;
        ContractType type;
        PaymentMethod method;
        LocalDate signDate;
        LocalDate serviceStart;
        LocalDate serviceEnd;
        Long signatoryId;
        String remarks;
        List<PricedLine> lines;
        BigDecimal total;
        ApprovalState state;
        Instant createdAt;
        Instant updatedAt;
        /** Every submission, oldest first; the decision on each follows it in {@link #decisions}. */
        final List<Instant> submissions = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();
        final List<Instalment> plan = new ArrayList<>();
    }

    private record Decision(String decision, String comment, long by, Instant at) {
    }

    private static final class Instalment {
        long id;
        LocalDate due;
        BigDecimal amount;
        final List<Payment> payments = new ArrayList<>();
    }

    private record Payment(LocalDate paidOn, BigDecimal amount, String remarks, Instant recordedAt) {
    }

    @Override
    public List<ApprovalStep> seed(List<DemoCustomers.Customer> customers, Map<Long, List<PricedLine>> dealLines,
            DemoUsers.Staff staff) {
        DemoRandom random = new DemoRandom(SEED, clock);
        List<Draft> contracts = new ArrayList<>();
        int won = 0;
        for (DemoCustomers.Customer c : customers) {
            if (c.won()) {
                contracts.add(approved(c, lines(c, dealLines, random), staff, random, won++));
            }
        }
        for (long rep : staff.repIds()) {
            List<DemoCustomers.Customer> negotiating = customers.stream()
                    .filter(c -> c.ownerId() != null && c.ownerId() == rep && c.status() == CustomerStatus.NEGOTIATING)
                    .toList();
            for (int i = 0; i < negotiating.size(); i++) {
                DemoCustomers.Customer c = negotiating.get(i);
                ApprovalState state = i < 2 ? ApprovalState.SUBMITTED
                        : i == 2 ? ApprovalState.REJECTED : ApprovalState.DRAFT;
                contracts.add(pending(c, lines(c, dealLines, random), state, staff, random));
            }
            customers.stream()
                    .filter(c -> c.ownerId() != null && c.ownerId() == rep && c.status() == CustomerStatus.QUOTED)
                    .findFirst()
                    .ifPresent(c -> contracts.add(pending(c, lines(c, dealLines, random), ApprovalState.DRAFT, staff,
                            random)));
        }
        insert(contracts);
        List<ApprovalStep> steps = new ArrayList<>();
        for (Draft d : contracts) {
            steps.addAll(steps(d, staff));
        }
        log.info("Demo data: {} contracts ({} approved), {} instalments, {} payments", contracts.size(), won,
                contracts.stream().mapToInt(d -> d.plan.size()).sum(),
                contracts.stream().flatMap(d -> d.plan.stream()).mapToInt(i -> i.payments.size()).sum());
        return steps;
    }

    /** The deal's lines, or one line of the customer's product line when there was no opportunity. */
    private List<PricedLine> lines(DemoCustomers.Customer c, Map<Long, List<PricedLine>> dealLines, DemoRandom random) {
        List<PricedLine> lines = dealLines.get(c.id());
        if (lines != null && !lines.isEmpty()) {
            return lines;
        }
        List<ProductSummary> products = catalog.findEnabled();
        ProductSummary product = products.stream().filter(p -> p.category().equals(c.productLine())).findFirst()
                .orElse(products.get(0));
        return List.of(PricedLine.of(product.id(), BigDecimal.valueOf(random.between(1, 20)), product.unitPrice(),
                BigDecimal.ZERO));
    }

    private Draft approved(DemoCustomers.Customer c, List<PricedLine> lines, DemoUsers.Staff staff, DemoRandom random,
            int index) {
        DemoCustomers.Ownership stretch = c.lastOwnership();
        Instant wonAt = c.wonAt();
        // Created while the owner was following the customer up, a few days before the approval.
        Instant earliest = max(stretch.from().plus(Duration.ofHours(1)), wonAt.minus(Duration.ofDays(3)));
        Instant latest = min(stretch.activeUntil(), wonAt.minus(Duration.ofHours(2)));
        Instant created = earliest.isBefore(latest) ? random.between(earliest, latest) : latest;
        Draft d = head(c, stretch.ownerId(), lines, created, random);
        long manager = staff.teamOf(stretch.ownerId()).managerId();
        Instant submitted = random.between(d.createdAt, wonAt.minus(Duration.ofMinutes(30)));
        if (index % 5 == 2 && Duration.between(submitted, wonAt).toHours() >= 6) {
            // Rejected once, corrected and submitted again.
            Instant rejected = random.between(submitted.plus(Duration.ofHours(1)), wonAt.minus(Duration.ofHours(3)));
            d.submissions.add(submitted);
            d.decisions.add(new Decision("REJECTED", random.pick(REJECTIONS), manager, rejected));
            submitted = random.between(rejected.plus(Duration.ofMinutes(30)), wonAt.minus(Duration.ofMinutes(30)));
        }
        d.submissions.add(submitted);
        d.decisions.add(new Decision("APPROVED", random.pick(null, "同意", "价格在权限内，同意"), manager, wonAt));
        d.state = ApprovalState.APPROVED;
        d.updatedAt = wonAt;
        d.signDate = random.date(wonAt).minusDays(random.between(0, 2));
        d.serviceStart = d.signDate.plusDays(random.between(0, 10));
        // Every fourth is a quarter's service, so that the renewals report has contracts coming due.
        d.serviceEnd = index % 4 == 1 ? d.serviceStart.plusMonths(3).minusDays(1)
                : d.serviceStart.plusYears(1).minusDays(1);
        d.status = d.serviceStart.isAfter(random.today()) ? ContractStatus.NOT_STARTED : ContractStatus.IN_PROGRESS;
        plan(d, d.signDate.plusDays(random.between(3, 10)), d.createdAt);
        pay(d, random, index, wonAt);
        return d;
    }

    private Draft pending(DemoCustomers.Customer c, List<PricedLine> lines, ApprovalState state, DemoUsers.Staff staff,
            DemoRandom random) {
        DemoCustomers.Ownership stretch = c.lastOwnership();
        Instant until = stretch.activeUntil();
        Instant from = max(stretch.from().plus(Duration.ofHours(1)), until.minus(Duration.ofDays(7)));
        Draft d = head(c, stretch.ownerId(), lines, from.isBefore(until) ? random.between(from, until) : until, random);
        Instant now = random.now();
        d.state = state;
        d.updatedAt = d.createdAt;
        if (state != ApprovalState.DRAFT) {
            Instant submitted = between(random, d.createdAt.plus(Duration.ofMinutes(20)),
                    now.minus(Duration.ofHours(2)));
            d.submissions.add(submitted);
            d.updatedAt = submitted;
        }
        if (state == ApprovalState.REJECTED) {
            Instant decided = between(random, d.submissions.get(0).plus(Duration.ofMinutes(30)),
                    now.minus(Duration.ofMinutes(10)));
            d.decisions.add(new Decision("REJECTED", random.pick(REJECTIONS), staff.teamOf(d.ownerId).managerId(),
                    decided));
            d.updatedAt = decided;
        }
        d.signDate = random.today().plusDays(random.between(2, 14));
        d.serviceStart = d.signDate.plusDays(random.between(0, 10));
        d.serviceEnd = d.serviceStart.plusYears(1).minusDays(1);
        d.status = ContractStatus.NOT_STARTED;
        if (state != ApprovalState.DRAFT || random.chance(0.5)) {
            plan(d, d.signDate.plusDays(random.between(5, 15)), d.createdAt);
        }
        return d;
    }

    private Draft head(DemoCustomers.Customer c, long ownerId, List<PricedLine> lines, Instant created,
            DemoRandom random) {
        Draft d = new Draft();
        d.customer = c;
        d.ownerId = ownerId;
        d.createdAt = created;
        String company = c.name().replaceAll("(股份)?有限(责任)?公司$", "");
        d.title = company + " · " + c.productLine() + random.pick(" 年度采购合同", " 服务合同", " 软件采购合同");
        d.lines = lines;
        d.total = lines.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        d.type = c.productLine().equals("Wechaty") ? ContractType.SERVICE
                : random.chance(0.15) ? ContractType.AGENCY : ContractType.DIRECT;
        d.method = d.total.compareTo(BigDecimal.valueOf(20_000)) > 0
                ? random.pick(PaymentMethod.BANK_TRANSFER, PaymentMethod.BANK_TRANSFER, PaymentMethod.CHEQUE)
                : random.pick(PaymentMethod.BANK_TRANSFER, PaymentMethod.ALIPAY, PaymentMethod.WECHAT);
        d.signatoryId = c.contacts().stream().filter(ContactRef::primary).map(ContactRef::id).findFirst().orElse(null);
        d.remarks = random.chance(0.4) ? random.pick("含 2 天上线培训", "首年含免费升级", "发票：增值税专用发票") : null;
        return d;
    }

    /**
     * One to three instalments that add up to the total: 30 / 40 / 30 % of a large one, half and
     * half of a middling one, all of a small one.
     */
    private static void plan(Draft d, LocalDate firstDue, Instant createdAt) {
        List<BigDecimal> shares = d.total.compareTo(BigDecimal.valueOf(10_000)) < 0 ? List.of(BigDecimal.ONE)
                : d.total.compareTo(BigDecimal.valueOf(50_000)) < 0
                        ? List.of(new BigDecimal("0.5"), new BigDecimal("0.5"))
                : List.of(new BigDecimal("0.3"), new BigDecimal("0.4"), new BigDecimal("0.3"));
        BigDecimal planned = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            Instalment instalment = new Instalment();
            instalment.due = firstDue.plusDays(30L * i);
            instalment.amount = i == shares.size() - 1 ? d.total.subtract(planned)
                    : d.total.multiply(shares.get(i)).setScale(0, RoundingMode.DOWN).setScale(2);
            planned = planned.add(instalment.amount);
            if (instalment.amount.signum() > 0) {
                d.plan.add(instalment);
            }
        }
    }

    /**
     * The payments received: an instalment due by now is paid on about its due date, except that
     * every fourth contract leaves its first one unpaid and every fourth another one paid in part;
     * one not due yet is sometimes paid early. Never before the approval, never after today.
     */
    private static void pay(Draft d, DemoRandom random, int index, Instant approvedAt) {
        LocalDate today = random.today();
        LocalDate approved = random.date(approvedAt);
        boolean firstDue = true;
        for (Instalment i : d.plan) {
            LocalDate paidOn;
            BigDecimal amount = i.amount;
            if (!i.due.isAfter(today)) {
                if (firstDue && index % 4 == 1) {
                    firstDue = false;
                    continue;
                }
                if (firstDue && index % 4 == 3) {
                    amount = i.amount.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN).setScale(2);
                } else if (!firstDue && random.chance(0.15)) {
                    continue;
                }
                firstDue = false;
                paidOn = i.due.plusDays(random.between(-3, 5));
            } else if (random.chance(0.25)) {
                paidOn = today.minusDays(random.between(0, 5));
            } else {
                continue;
            }
            paidOn = paidOn.isAfter(today) ? today : paidOn.isBefore(approved) ? approved : paidOn;
            Instant recorded = random.officeTime(paidOn);
            if (recorded.isBefore(approvedAt)) {
                recorded = approvedAt.plus(Duration.ofMinutes(random.between(5, 60)));
                recorded = recorded.isAfter(random.now()) ? random.now() : recorded;
            }
            if (amount.signum() > 0) {
                int n = d.plan.indexOf(i) + 1;
                i.payments.add(new Payment(paidOn, amount, n == 1 ? "首期款" : "第 " + n + " 期款", recorded));
            }
        }
    }

    /** Each submission (the team's manager is asked) and the decision on it (the submitter is told). */
    private static List<ApprovalStep> steps(Draft d, DemoUsers.Staff staff) {
        List<ApprovalStep> steps = new ArrayList<>();
        long manager = staff.teamOf(d.ownerId).managerId();
        for (int i = 0; i < d.submissions.size(); i++) {
            steps.add(new ApprovalStep(d.id, d.title, d.customer.id(), d.customer.name(), d.ownerId, manager,
                    Kind.SUBMITTED, null, d.submissions.get(i)));
            if (i < d.decisions.size()) {
                Decision decision = d.decisions.get(i);
                steps.add(new ApprovalStep(d.id, d.title, d.customer.id(), d.customer.name(), d.ownerId, decision.by(),
                        Kind.valueOf(decision.decision()), decision.comment(), decision.at()));
            }
        }
        return steps;
    }

    private void insert(List<Draft> contracts) {
        contracts.sort(Comparator.comparing(d -> d.createdAt));
        List<Long> ids = allocate("contract", contracts.size());
        List<Instalment> instalments = contracts.stream().flatMap(d -> d.plan.stream()).toList();
        List<Long> instalmentIds = allocate("contract_instalment", instalments.size());
        for (int i = 0; i < contracts.size(); i++) {
            contracts.get(i).id = ids.get(i);
        }
        for (int i = 0; i < instalments.size(); i++) {
            instalments.get(i).id = instalmentIds.get(i);
        }
        RowArrays heads = new RowArrays("id", "customer_id", "owner_id", "title", "status", "type", "payment_method",
                "sign_date", "service_start", "service_end", "customer_signatory_id", "remarks", "total",
                "approval_state", "submitted_at", "created_at", "updated_at");
        RowArrays lines = new RowArrays("contract_id", "position", "product_id", "quantity", "unit_price",
                "discount_percent", "line_total");
        RowArrays decisions = new RowArrays("contract_id", "decision", "comment", "decided_by_id", "decided_at");
        RowArrays plan = new RowArrays("id", "contract_id", "due_date", "amount", "created_at");
        RowArrays payments = new RowArrays("contract_id", "instalment_id", "paid_on", "amount", "method", "remarks",
                "recorded_by_id", "recorded_at");
        for (Draft d : contracts) {
            heads.add(d.id, d.customer.id(), d.ownerId, d.title, d.status, d.type, d.method, d.signDate, d.serviceStart,
                    d.serviceEnd, d.signatoryId, d.remarks, d.total, d.state,
                    d.submissions.isEmpty() ? null : d.submissions.get(d.submissions.size() - 1), d.createdAt,
                    d.updatedAt);
            for (int p = 0; p < d.lines.size(); p++) {
                PricedLine l = d.lines.get(p);
                // Positions are 0-based, as the entity's @OrderColumn writes them.
                lines.add(d.id, p, l.productId(), l.quantity(), l.unitPrice(), l.discountPercent(), l.lineTotal());
            }
            for (Decision decision : d.decisions) {
                decisions.add(d.id, decision.decision(), decision.comment(), decision.by(), decision.at());
            }
            for (Instalment i : d.plan) {
                plan.add(i.id, d.id, i.due, i.amount, d.createdAt);
                for (Payment p : i.payments) {
                    payments.add(d.id, i.id, p.paidOn(), p.amount(), d.method, p.remarks(), d.ownerId, p.recordedAt());
                }
            }
        }
        heads.bind(jdbc.sql("""
                INSERT INTO contract (id, customer_id, owner_id, title, status, type, payment_method, sign_date,
                                      service_start, service_end, customer_signatory_id, our_signatory_id, remarks,
                                      total, approval_state, submitted_by_id, submitted_at, created_by_id, created_at,
                                      updated_at)
                SELECT id, customer_id, owner_id, title, status, type, payment_method, sign_date, service_start,
                       service_end, customer_signatory_id, owner_id, remarks, total, approval_state,
                       CASE WHEN approval_state <> 'DRAFT' THEN owner_id END, submitted_at, owner_id, created_at,
                       updated_at
                FROM unnest(CAST(:id AS bigint[]), CAST(:customer_id AS bigint[]), CAST(:owner_id AS bigint[]),
                            CAST(:title AS text[]), CAST(:status AS text[]), CAST(:type AS text[]),
                            CAST(:payment_method AS text[]), CAST(:sign_date AS date[]), CAST(:service_start AS date[]),
                            CAST(:service_end AS date[]), CAST(:customer_signatory_id AS bigint[]),
                            CAST(:remarks AS text[]), CAST(:total AS numeric[]), CAST(:approval_state AS text[]),
                            CAST(:submitted_at AS timestamptz[]), CAST(:created_at AS timestamptz[]),
                            CAST(:updated_at AS timestamptz[]))
                    AS r(id, customer_id, owner_id, title, status, type, payment_method, sign_date, service_start,
                         service_end, customer_signatory_id, remarks, total, approval_state, submitted_at, created_at,
                         updated_at)
                """)).update();
        lines.bind(jdbc.sql("""
                INSERT INTO contract_line (contract_id, position, product_id, quantity, unit_price, discount_percent,
                                           line_total)
                SELECT * FROM unnest(CAST(:contract_id AS bigint[]), CAST(:position AS integer[]),
                                     CAST(:product_id AS bigint[]), CAST(:quantity AS numeric[]),
                                     CAST(:unit_price AS numeric[]), CAST(:discount_percent AS numeric[]),
                                     CAST(:line_total AS numeric[]))
                """)).update();
        if (!decisions.isEmpty()) {
            decisions.bind(jdbc.sql("""
                    INSERT INTO contract_decision (contract_id, decision, comment, decided_by_id, decided_at)
                    SELECT * FROM unnest(CAST(:contract_id AS bigint[]), CAST(:decision AS text[]),
                                         CAST(:comment AS text[]), CAST(:decided_by_id AS bigint[]),
                                         CAST(:decided_at AS timestamptz[]))
                    ORDER BY 5
                    """)).update();
        }
        if (!plan.isEmpty()) {
            plan.bind(jdbc.sql("""
                    INSERT INTO contract_instalment (id, contract_id, due_date, amount, created_at)
                    SELECT * FROM unnest(CAST(:id AS bigint[]), CAST(:contract_id AS bigint[]),
                                         CAST(:due_date AS date[]), CAST(:amount AS numeric[]),
                                         CAST(:created_at AS timestamptz[]))
                    """)).update();
        }
        if (!payments.isEmpty()) {
            payments.bind(jdbc.sql("""
                    INSERT INTO contract_payment (contract_id, instalment_id, paid_on, amount, method, remarks,
                                                  recorded_by_id, recorded_at)
                    SELECT * FROM unnest(CAST(:contract_id AS bigint[]), CAST(:instalment_id AS bigint[]),
                                         CAST(:paid_on AS date[]), CAST(:amount AS numeric[]), CAST(:method AS text[]),
                                         CAST(:remarks AS text[]), CAST(:recorded_by_id AS bigint[]),
                                         CAST(:recorded_at AS timestamptz[]))
                    ORDER BY 8
                    """)).update();
        }
    }

    private List<Long> allocate(String table, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('" + table + "', 'id')) FROM generate_series(1, :n)")
                .param("n", count)
                .query(Long.class)
                .list();
    }

    private static Instant between(DemoRandom random, Instant from, Instant to) {
        return from.isBefore(to) ? random.between(from, to) : from.isAfter(random.now()) ? random.now() : from;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tidecrm.catalog.CatalogManagement;
import io.tidecrm.catalog.LineInput;
import io.tidecrm.catalog.LinePricing;
import io.tidecrm.catalog.PricedLine;
import io.tidecrm.catalog.ProductSummary;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.sales.SalesDemoData;
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
 * The demo opportunities (development only): the stage follows the customer's status (a lead at
 * the first visit up to negotiation, won for a won customer, lost with a reason for some on hold
 * and in the pool), with a second, open opportunity for some won customers and an older lost one
 * here and there. Lines are priced by the catalog's {@link LinePricing}, as the form's are.
 */
@Component
@Profile("!prod")
@Transactional(propagation = Propagation.MANDATORY)
class SalesDemoSeeder implements SalesDemoData {

    private static final Logger log = LoggerFactory.getLogger(SalesDemoSeeder.class);

    private static final long SEED = 20_260_103L;

    private static final List<String> LOST_REASONS = List.of("客户选择了竞品（价格更低）", "客户预算被砍，项目取消",
            "需求变化：改用企业微信自带功能", "决策人离职，项目搁浅", "我们的交付周期满足不了客户要求");

    private final JdbcClient jdbc;
    private final LinePricing pricing;
    private final CatalogManagement catalog;
    private final Clock clock;

    SalesDemoSeeder(JdbcClient jdbc, LinePricing pricing, CatalogManagement catalog, Clock clock) {
        this.jdbc = jdbc;
        this.pricing = pricing;
        this.catalog = catalog;
        this.clock = clock;
    }

    private record Row(DemoCustomers.Customer customer, long ownerId, String title, Stage stage, BigDecimal amount,
            LocalDate expectedClose, int probability, String nextStep, String lostReason, Instant createdAt,
            Instant updatedAt, Instant closedAt, List<PricedLine> lines) {
    }

    /** The lines of a line form, for {@link LinePricing}. */
    private record Input(Long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount)
            implements LineInput {
    }

    @Override
    public Map<Long, List<PricedLine>> seed(List<DemoCustomers.Customer> customers) {
        DemoRandom random = new DemoRandom(SEED, clock);
        Map<String, List<ProductSummary>> products = catalog.findEnabled().stream()
                .collect(Collectors.groupingBy(ProductSummary::category));
        List<Row> rows = new ArrayList<>();
        Map<Long, List<PricedLine>> deals = new LinkedHashMap<>();
        for (DemoCustomers.Customer c : customers) {
            Stage stage = stageOf(c, random);
            if (stage != null) {
                Row row = opportunity(c, stage, products, random, false);
                rows.add(row);
                if (stage == Stage.WON || stage == Stage.NEGOTIATION || stage == Stage.PROPOSAL) {
                    deals.put(c.id(), row.lines());
                }
            }
            if (c.won() && c.clockAt().isAfter(c.wonAt().plus(Duration.ofDays(1))) && random.chance(0.35)) {
                rows.add(opportunity(c, random.pick(Stage.QUALIFIED, Stage.SOLUTION), products, random, true));
            }
            // An earlier attempt that was lost, where the owner has been at it for a while.
            boolean longEnough = Duration.between(c.lastOwnership().from(), c.clockAt()).toDays() >= 10;
            if (c.ownerId() != null && !c.won() && longEnough && random.chance(0.15)) {
                rows.add(opportunity(c, Stage.LOST, products, random, false));
            }
        }
        insert(rows);
        log.info("Demo data: {} opportunities", rows.size());
        return deals;
    }

    /** The stage of the customer's main opportunity, or null when it has none. */
    private static Stage stageOf(DemoCustomers.Customer c, DemoRandom random) {
        if (c.ownerId() == null) {
            return random.chance(0.4) ? Stage.LOST : null;
        }
        return switch (c.status()) {
            case FIRST_VISIT -> random.chance(0.4) ? Stage.LEAD : null;
            case TRIAL -> random.chance(0.7) ? Stage.QUALIFIED : null;
            case INTENT -> Stage.SOLUTION;
            case QUOTED -> Stage.PROPOSAL;
            case NEGOTIATING -> Stage.NEGOTIATION;
            case WON -> Stage.WON;
            case ON_HOLD -> random.chance(0.6) ? Stage.LOST : Stage.QUALIFIED;
        };
    }

    private Row opportunity(DemoCustomers.Customer c, Stage stage, Map<String, List<ProductSummary>> products,
            DemoRandom random, boolean upsell) {
        // Created while the (last) owner was following the customer up, no later than that stretch's activity.
        DemoCustomers.Ownership stretch = c.lastOwnership();
        Instant from = stretch.from().plus(Duration.ofHours(1));
        Instant until = stretch.activeUntil();
        if (stage == Stage.WON) {
            until = min(until, c.wonAt().minus(Duration.ofDays(2)));
        } else if (upsell) {
            from = max(from, c.wonAt().plus(Duration.ofHours(2)));
        }
        Instant created = from.isBefore(until) ? random.between(from, until) : until;
        Instant now = random.now();
        Instant closed = switch (stage) {
            case WON -> c.wonAt().minus(Duration.ofHours(random.between(1, 20)));
            case LOST -> random.between(created.plus(Duration.ofDays(1)),
                    c.pooledAt() != null ? c.pooledAt() : now.minus(Duration.ofHours(1)));
            default -> null;
        };
        if (closed != null) {
            // Closed after it was created and before now, whatever room the story left.
            Instant latest = now.minus(Duration.ofMinutes(1));
            closed = closed.isAfter(latest) ? latest : closed;
            closed = closed.isBefore(created) ? created : closed;
        }
        Deal deal = deal(c, products, random, upsell);
        LocalDate close = closed != null ? random.date(closed)
                : random.today().plusDays(random.chance(0.1) ? -random.between(1, 10) : random.between(7, 90));
        int probability = stage.defaultProbability();
        if (stage.isOpen() && random.chance(0.3)) {
            probability = Math.max(5, Math.min(95, probability + random.pick(-10, 10)));
        }
        String nextStep = switch (stage) {
            case LEAD -> "电话了解需求，确认决策人";
            case QUALIFIED -> random.pick("安排产品演示", "开通试用账号");
            case SOLUTION -> "输出方案和实施计划";
            case PROPOSAL -> "发送正式报价，等待反馈";
            case NEGOTIATION -> random.pick("敲定折扣和付款方式，准备合同", "等待客户法务审核合同");
            default -> null;
        };
        Instant updated = closed != null ? closed : random.between(created, now);
        boolean byHand = stage == Stage.LEAD && random.chance(0.3);
        return new Row(c, stretch.ownerId(), deal.title(), stage, deal.total(), close, probability, nextStep,
                stage == Stage.LOST ? random.pick(LOST_REASONS) : null, created, updated, closed,
                byHand ? List.of() : deal.lines());
    }

    private record Deal(String title, List<PricedLine> lines, BigDecimal total) {
    }

    /** What the customer buys of its product line, priced by the catalog. */
    private Deal deal(DemoCustomers.Customer c, Map<String, List<ProductSummary>> products, DemoRandom random,
            boolean upsell) {
        List<ProductSummary> line = products.getOrDefault(c.productLine(), List.of());
        if (line.isEmpty()) {
            line = products.values().stream().flatMap(List::stream).toList();
        }
        // The seats the customer talks about; a second deal of a won customer adds a third more.
        int seats = upsell ? Math.max(2, c.seats() / 3) : c.seats();
        BigDecimal discount = BigDecimal.valueOf(c.type() == CustomerType.A ? random.pick(0, 5, 10, 15)
                : random.pick(0, 0, 5, 10));
        List<Input> inputs = new ArrayList<>();
        String title;
        switch (c.productLine()) {
            case "句客宝" -> {
                if (!upsell) {
                    add(inputs, line, "基础版", 1, discount);
                }
                add(inputs, line, "会话存档", seats, discount);
                if (random.chance(0.2)) {
                    add(inputs, line, "定制开发", random.between(3, 15), BigDecimal.ZERO);
                }
                title = upsell ? "句客宝 · 会话存档扩容 " + seats + " 座席" : "句客宝 · 会话存档 " + seats + " 座席";
            }
            case "句子秒回" -> {
                add(inputs, line, "基础版", seats, discount);
                if (random.chance(0.25)) {
                    add(inputs, line, "定制开发", random.between(2, 10), BigDecimal.ZERO);
                }
                title = upsell ? "句子秒回 · 新增 " + seats + " 座席" : "句子秒回 · 基础版 " + seats + " 座席";
            }
            default -> {
                int accounts = Math.max(5, seats);
                add(inputs, line, "padplus", accounts, discount);
                int days = switch (c.type()) {
                    case A -> random.between(8, 20);
                    case B -> random.between(3, 10);
                    case C -> random.between(1, 4);
                };
                add(inputs, line, "技术支持", days, BigDecimal.ZERO);
                title = "Wechaty 机器人 · " + accounts + " 个号 + " + days + " 天技术支持";
            }
        }
        if (inputs.isEmpty()) {
            ProductSummary any = random.pick(line);
            inputs.add(new Input(any.id(), BigDecimal.valueOf(seats), null, discount));
            title = any.label() + " × " + seats;
        }
        LinePricing.Priced priced = pricing.price(inputs, Map.of());
        if (!priced.refusals().isEmpty()) {
            throw new IllegalStateException("Demo lines refused: " + priced.refusals());
        }
        return new Deal(title, priced.lines(), priced.total());
    }

    private static void add(List<Input> inputs, List<ProductSummary> products, String name, int quantity,
            BigDecimal discount) {
        products.stream().filter(p -> p.name().equals(name)).findFirst()
                .ifPresent(p -> inputs.add(new Input(p.id(), BigDecimal.valueOf(quantity), null, discount)));
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> ids = jdbc
                .sql("SELECT nextval(pg_get_serial_sequence('opportunity', 'id')) FROM generate_series(1, :n)")
                .param("n", rows.size())
                .query(Long.class)
                .list();
        rows.sort(java.util.Comparator.comparing(Row::createdAt));
        RowArrays opportunities = new RowArrays("id", "customer_id", "owner_id", "title", "stage", "amount",
                "expected_close_date", "probability", "next_step", "lost_reason", "created_at", "updated_at",
                "closed_at");
        RowArrays lines = new RowArrays("opportunity_id", "position", "product_id", "quantity", "unit_price",
                "discount_percent", "line_total");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long id = ids.get(i);
            opportunities.add(id, r.customer().id(), r.ownerId(), r.title(), r.stage(), r.amount(), r.expectedClose(),
                    r.probability(), r.nextStep(), r.lostReason(), r.createdAt(), r.updatedAt(), r.closedAt());
            for (int p = 0; p < r.lines().size(); p++) {
                PricedLine l = r.lines().get(p);
                // Positions are 0-based, as the entity's @OrderColumn writes them.
                lines.add(id, p, l.productId(), l.quantity(), l.unitPrice(), l.discountPercent(), l.lineTotal());
            }
        }
        opportunities.bind(jdbc.sql("""
                INSERT INTO opportunity (id, customer_id, owner_id, title, stage, amount, expected_close_date,
                                         probability, next_step, lost_reason, created_by_id, created_at, updated_at,
                                         closed_at)
                SELECT id, customer_id, owner_id, title, stage, amount, expected_close_date, probability, next_step,
                       lost_reason, owner_id, created_at, updated_at, closed_at
                FROM unnest(CAST(:id AS bigint[]), CAST(:customer_id AS bigint[]), CAST(:owner_id AS bigint[]),
                            CAST(:title AS text[]), CAST(:stage AS text[]), CAST(:amount AS numeric[]),
                            CAST(:expected_close_date AS date[]), CAST(:probability AS integer[]),
                            CAST(:next_step AS text[]), CAST(:lost_reason AS text[]),
                            CAST(:created_at AS timestamptz[]), CAST(:updated_at AS timestamptz[]),
                            CAST(:closed_at AS timestamptz[]))
                    AS r(id, customer_id, owner_id, title, stage, amount, expected_close_date, probability, next_step,
                         lost_reason, created_at, updated_at, closed_at)
                """)).update();
        stagePaths(ids);
        if (!lines.isEmpty()) {
            lines.bind(jdbc.sql("""
                    INSERT INTO opportunity_line (opportunity_id, position, product_id, quantity, unit_price,
                                                  discount_percent, line_total)
                    SELECT * FROM unnest(CAST(:opportunity_id AS bigint[]), CAST(:position AS integer[]),
                                         CAST(:product_id AS bigint[]), CAST(:quantity AS numeric[]),
                                         CAST(:unit_price AS numeric[]), CAST(:discount_percent AS numeric[]),
                                         CAST(:line_total AS numeric[]))
                    """)).update();
        }
    }

    /**
     * The demo opportunities were inserted in their final stage, so the database's history holds
     * that stage only: replace it with the path a real one would have taken, from S1 up to its
     * stage (a lost one lost from S1 to S4), its moves spread evenly between its creation and
     * its last change, for the reports' time in stage and funnel.
     */
    private void stagePaths(List<Long> ids) {
        jdbc.sql("DELETE FROM opportunity_stage_entry WHERE opportunity_id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new)).update();
        jdbc.sql("""
                WITH demo AS (
                    SELECT o.id, o.stage, o.created_at, coalesce(o.closed_at, o.updated_at) AS until,
                           CASE o.stage WHEN 'LEAD' THEN 1 WHEN 'QUALIFIED' THEN 2 WHEN 'SOLUTION' THEN 3
                                        WHEN 'PROPOSAL' THEN 4 WHEN 'NEGOTIATION' THEN 5 WHEN 'WON' THEN 5
                                        ELSE 1 + (o.id % 4)::int END AS steps
                    FROM opportunity o WHERE o.id = ANY(:ids)
                )
                INSERT INTO opportunity_stage_entry (opportunity_id, stage, entered_at, left_at)
                SELECT d.id, (ARRAY['LEAD', 'QUALIFIED', 'SOLUTION', 'PROPOSAL', 'NEGOTIATION'])[s.i],
                       d.created_at + (d.until - d.created_at) * (s.i - 1) / d.steps,
                       CASE WHEN s.i < d.steps OR d.stage IN ('WON', 'LOST')
                            THEN d.created_at + (d.until - d.created_at) * s.i / d.steps END
                FROM demo d CROSS JOIN LATERAL generate_series(1, d.steps) AS s(i)
                UNION ALL
                SELECT d.id, d.stage, d.until, NULL FROM demo d WHERE d.stage IN ('WON', 'LOST')
                """).param("ids", ids.toArray(Long[]::new)).update();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

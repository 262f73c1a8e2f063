package io.tidecrm.customer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.customer.PoolDeadlines;
import io.tidecrm.customer.Retention;
import io.tidecrm.customer.ServiceCodeStatus;
import io.tidecrm.customer.StaffSize;
import io.tidecrm.identity.DemoUsers;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.DemoRandom;
import io.tidecrm.support.RowArrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo customers (development only). Each rep gets a mix of stories: won, new, fresh,
 * due today, overdue, near the pool deadline, received by transfer, grabbed or assigned from
 * the pool, and customers that went into the pool (reclaimed at 20:00 or released by hand, one
 * of them twice owned). The times are placed against the pool rules so that the deadlines the
 * pages show are the story's: a customer "near the deadline" has its clock on the day that makes
 * its deadline one of the next three 20:00 runs, a reclaimed one was stale at the run that took it.
 * Three statements write it all (customers, contacts, owner history).
 */
@Component
@Profile("!prod")
@Transactional(propagation = Propagation.MANDATORY)
class CustomerDemoSeeder implements DemoCustomers {

    private static final Logger log = LoggerFactory.getLogger(CustomerDemoSeeder.class);

    enum Story {
        WON, NEW, FRESH, DUE_TODAY, OVERDUE, WARNING, GRABBED, ASSIGNED, TRANSFERRED, RECLAIMED, RELEASED, POOL_TWICE
    }

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final ObjectProvider<PoolDeadlines> deadlines;
    private final Clock clock;

    CustomerDemoSeeder(JdbcClient jdbc, UserManagement users, ObjectProvider<PoolDeadlines> deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
    public boolean present() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM customer WHERE name_key = :key)")
                .param("key", CustomerNames.key(DemoNames.MARKER.name()))
                .query(Boolean.class)
                .single();
    }

    private static final long SEED = 20_260_101L;

    @Override
    public List<Customer> seed(DemoUsers.Staff staff, PoolTerms terms) {
        DemoRandom random = new DemoRandom(SEED, clock);
        List<DemoNames.Company> companies = DemoNames.companies(random);
        List<Long> colleagues = new ArrayList<>();
        staff.teams().forEach(t -> {
            colleagues.add(t.managerId());
            colleagues.addAll(t.repIds());
        });
        Map<Long, UserSummary> people = users.findUsers(colleagues);
        Planner planner = new Planner(random, staff, terms, people);
        List<Draft> drafts = planner.plan(companies);
        List<Long> ids = allocate("customer", drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            drafts.get(i).id = ids.get(i);
        }
        insertCustomers(drafts);
        Map<Long, List<ContactRef>> contacts = insertContacts(drafts, random);
        int history = insertHistory(drafts);
        List<Customer> seeded = drafts.stream().map(d -> d.toCustomer(contacts.get(d.id))).toList();
        check(seeded, random.now());
        log.info("Demo data: {} customers ({} in the pool), {} contacts, {} owner history rows", seeded.size(),
                seeded.stream().filter(c -> c.ownerId() == null).count(),
                contacts.values().stream().mapToInt(List::size).sum(), history);
        return seeded;
    }

    private List<Long> allocate(String table, int count) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('" + table + "', 'id')) FROM generate_series(1, :n)")
                .param("n", count)
                .query(Long.class)
                .list();
    }

    /**
     * The story against the pool's own deadline function: owned customers that are not won are
     * due after now, within the warning lead exactly when their story says so, and a reclaimed
     * customer's deadline was the run that took it.
     */
    private void check(List<Customer> customers, Instant now) {
        PoolDeadlines provider = deadlines.getIfAvailable();
        if (provider == null) {
            return;
        }
        PoolDeadlines.Calculator calculator = provider.calculator();
        for (Customer c : customers) {
            if (c.ownerId() != null && !c.won()) {
                Instant deadline = calculator.deadline(c.type(), c.status(), c.ownerId(), c.clockAt());
                if (deadline != null && !deadline.isAfter(now)) {
                    throw new IllegalStateException("Demo customer " + c.name() + " is past its pool deadline "
                            + deadline);
                }
            }
            for (OwnerChange change : c.history()) {
                if (change.kind() != OwnerChangeKind.RECLAIMED) {
                    continue;
                }
                Ownership reclaimed = c.ownerships().stream().filter(o -> change.at().equals(o.until())).findFirst()
                        .orElseThrow();
                Instant deadline = calculator.deadline(c.type(), CustomerStatus.FIRST_VISIT, reclaimed.ownerId(),
                        reclaimed.activeUntil());
                if (deadline != null && !deadline.equals(change.at())) {
                    throw new IllegalStateException("Demo customer " + c.name() + " reclaimed at " + change.at()
                            + " but due at " + deadline);
                }
            }
        }
    }

    // --- writing

    private void insertCustomers(List<Draft> drafts) {
        RowArrays rows = new RowArrays("id", "name", "name_key", "credit_code", "type", "region", "industry", "source",
                "referrer", "website", "address", "staff_size", "status", "next_follow_up_at", "expected_amount",
                "expected_close_date", "requirements", "extra_discount", "remarks", "tags", "jkb_status", "jkb_name",
                "jzmh_retention", "jzmh_name", "github", "contributor", "owner_id", "clock_at", "last_follow_up_at",
                "pooled_at", "pool_reason", "created_by_id", "created_at", "updated_at");
        for (Draft d : drafts) {
            rows.add(d.id, d.name, CustomerNames.key(d.name), d.creditCode, d.type, d.region, d.industry, d.source,
                    d.referrer, d.website, d.address, d.staffSize, d.status, d.ownerId == null ? null : d.next,
                    d.expectedAmount, d.expectedCloseDate, d.requirements, d.extraDiscount, d.remarks,
                    String.join("|", d.tags), d.jkbStatus, d.jkbName, d.retention, d.jzmhName, d.github, d.contributor,
                    d.ownerId, d.clockAt(), d.last(), d.pooledAt, d.poolReason, d.history.get(0).newOwnerId(),
                    d.created, d.updatedAt());
        }
        rows.bind(jdbc.sql("""
                INSERT INTO customer (id, name, name_key, credit_code, type, region, industry, source, referrer,
                    website, address, staff_size, status, next_follow_up_at, expected_amount, expected_close_date,
                    requirements, extra_discount, remarks, tags, jkb_service_code_status, jkb_registration_name, jzmh_retention,
                    jzmh_registration_name, wechaty_github_url, wechaty_contributor, owner_id, clock_at,
                    last_follow_up_at, pooled_at, pool_reason, created_by_id, created_at, updated_at)
                SELECT id, name, name_key, credit_code, type, region, industry, source, referrer, website, address,
                       staff_size, status, next_follow_up_at, expected_amount, expected_close_date, requirements,
                       extra_discount, remarks, string_to_array(tags, '|'), jkb_status, jkb_name, jzmh_retention,
                       jzmh_name, github, contributor, owner_id, clock_at, last_follow_up_at, pooled_at, pool_reason,
                       created_by_id, created_at, updated_at
                FROM unnest(CAST(:id AS bigint[]), CAST(:name AS text[]), CAST(:name_key AS text[]),
                            CAST(:credit_code AS text[]), CAST(:type AS text[]), CAST(:region AS text[]),
                            CAST(:industry AS text[]), CAST(:source AS text[]), CAST(:referrer AS text[]),
                            CAST(:website AS text[]), CAST(:address AS text[]), CAST(:staff_size AS text[]),
                            CAST(:status AS text[]), CAST(:next_follow_up_at AS timestamptz[]),
                            CAST(:expected_amount AS numeric[]), CAST(:expected_close_date AS date[]),
                            CAST(:requirements AS text[]), CAST(:extra_discount AS text[]), CAST(:remarks AS text[]),
                            CAST(:tags AS text[]), CAST(:jkb_status AS text[]), CAST(:jkb_name AS text[]),
                            CAST(:jzmh_retention AS text[]), CAST(:jzmh_name AS text[]), CAST(:github AS text[]),
                            CAST(:contributor AS boolean[]), CAST(:owner_id AS bigint[]),
                            CAST(:clock_at AS timestamptz[]), CAST(:last_follow_up_at AS timestamptz[]),
                            CAST(:pooled_at AS timestamptz[]), CAST(:pool_reason AS text[]),
                            CAST(:created_by_id AS bigint[]), CAST(:created_at AS timestamptz[]),
                            CAST(:updated_at AS timestamptz[]))
                    AS r(id, name, name_key, credit_code, type, region, industry, source, referrer, website, address,
                         staff_size, status, next_follow_up_at, expected_amount, expected_close_date, requirements,
                         extra_discount, remarks, tags, jkb_status, jkb_name, jzmh_retention, jzmh_name, github,
                         contributor, owner_id, clock_at, last_follow_up_at, pooled_at, pool_reason, created_by_id,
                         created_at, updated_at)
                """)).update();
    }

    private Map<Long, List<ContactRef>> insertContacts(List<Draft> drafts, DemoRandom random) {
        DemoPeople people = new DemoPeople(random);
        record Row(long customerId, DemoPeople.Person person, boolean primary, Instant at) {
        }
        List<Row> planned = new ArrayList<>();
        for (Draft d : drafts) {
            int count = switch (d.type) {
                case A -> random.between(2, 3);
                case B -> random.between(1, 3);
                case C -> random.between(1, 2);
            };
            for (int i = 0; i < count; i++) {
                planned.add(new Row(d.id, people.next(d, i == 0), i == 0,
                        i == 0 ? d.created : random.between(d.created, d.clockAt())));
            }
        }
        List<Long> ids = allocate("contact", planned.size());
        RowArrays rows = new RowArrays("id", "customer_id", "name", "gender", "department", "title", "mobile",
                "nickname", "wechat_id", "email", "birthday", "remarks", "is_primary", "at");
        Map<Long, List<ContactRef>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            Row r = planned.get(i);
            DemoPeople.Person p = r.person();
            rows.add(ids.get(i), r.customerId(), p.name(), p.gender(), p.department(), p.title(), p.mobile(),
                    p.nickname(), p.wechatId(), p.email(), p.birthday(), p.remarks(), r.primary(), r.at());
            byCustomer.computeIfAbsent(r.customerId(), k -> new ArrayList<>())
                    .add(new ContactRef(ids.get(i), r.customerId(), p.name(), p.title(), p.mobile(), r.primary()));
        }
        rows.bind(jdbc.sql("""
                INSERT INTO contact (id, customer_id, name, gender, department, title, mobile, wechat_nickname,
                                     wechat_id, email, birthday, remarks, is_primary, created_at, updated_at)
                SELECT id, customer_id, name, gender, department, title, mobile, nickname, wechat_id, email, birthday,
                       remarks, is_primary, at, at
                FROM unnest(CAST(:id AS bigint[]), CAST(:customer_id AS bigint[]), CAST(:name AS text[]),
                            CAST(:gender AS text[]), CAST(:department AS text[]), CAST(:title AS text[]),
                            CAST(:mobile AS text[]), CAST(:nickname AS text[]), CAST(:wechat_id AS text[]),
                            CAST(:email AS text[]), CAST(:birthday AS date[]), CAST(:remarks AS text[]),
                            CAST(:is_primary AS boolean[]), CAST(:at AS timestamptz[]))
                    AS r(id, customer_id, name, gender, department, title, mobile, nickname, wechat_id, email, birthday,
                         remarks, is_primary, at)
                """)).update();
        return byCustomer;
    }

    private int insertHistory(List<Draft> drafts) {
        RowArrays rows = new RowArrays("customer_id", "previous_owner_id", "new_owner_id", "changed_by_id", "kind",
                "reason", "changed_at");
        for (Draft d : drafts) {
            for (OwnerChange h : d.history) {
                rows.add(d.id, h.previousOwnerId(), h.newOwnerId(), h.byUserId(), h.kind(), h.reason(), h.at());
            }
        }
        // In the order of time, so that the history's ids run with it as the pages expect.
        return rows.bind(jdbc.sql("""
                INSERT INTO customer_owner_history (customer_id, previous_owner_id, new_owner_id, changed_by_id, kind,
                                                    reason, changed_at)
                SELECT * FROM unnest(CAST(:customer_id AS bigint[]), CAST(:previous_owner_id AS bigint[]),
                                     CAST(:new_owner_id AS bigint[]), CAST(:changed_by_id AS bigint[]),
                                     CAST(:kind AS text[]), CAST(:reason AS text[]), CAST(:changed_at AS timestamptz[]))
                ORDER BY 7
                """)).update();
    }

    // --- the stories

    /** One customer being planned. */
    static final class Draft {
        long id;
        Story story;
        String name;
        CustomerType type;
        CustomerStatus status;
        CustomerSource source;
        String referrer;
        String region;
        String industry;
        String productLine;
        int seats;
        String creditCode;
        String website;
        String address;
        StaffSize staffSize;
        BigDecimal expectedAmount;
        LocalDate expectedCloseDate;
        String requirements;
        String extraDiscount;
        String remarks;
        List<String> tags = new ArrayList<>();
        ServiceCodeStatus jkbStatus;
        String jkbName;
        Retention retention;
        String jzmhName;
        String github;
        Boolean contributor;
        String brandPinyin;
        String domainSuffix;
        Long ownerId;
        Instant created;
        /** The last follow-up of each owner's stretch, in the order of the stretches (null: none). */
        final List<Instant> lasts = new ArrayList<>();
        Instant next;
        Instant wonAt;
        Instant pooledAt;
        String poolReason;
        final List<OwnerChange> history = new ArrayList<>();

        List<Ownership> ownerships() {
            List<Ownership> stretches = new ArrayList<>();
            Long owner = null;
            Instant from = null;
            for (OwnerChange h : history) {
                if (owner != null) {
                    stretches.add(new Ownership(owner, from, h.at(), lasts.get(stretches.size())));
                }
                owner = h.newOwnerId();
                from = h.at();
            }
            if (owner != null) {
                stretches.add(new Ownership(owner, from, null, lasts.get(stretches.size())));
            }
            return stretches;
        }

        Instant last() {
            return lasts.stream().filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        }

        Instant clockAt() {
            List<Ownership> stretches = ownerships();
            return stretches.get(stretches.size() - 1).activeUntil();
        }

        Instant updatedAt() {
            Instant at = clockAt();
            for (Instant other : new Instant[] { created, wonAt, pooledAt, history.get(history.size() - 1).at() }) {
                if (other != null && other.isAfter(at)) {
                    at = other;
                }
            }
            return at;
        }

        Customer toCustomer(List<ContactRef> contacts) {
            return new Customer(id, name, type, status, industry, productLine, seats, ownerId, created, clockAt(),
                    last(), ownerId == null ? null : next, wonAt, pooledAt, List.copyOf(history), ownerships(),
                    contacts == null ? List.of() : List.copyOf(contacts));
        }
    }

    /** Places each rep's stories in time against the pool rules. */
    static final class Planner {

        private final DemoRandom random;
        private final DemoUsers.Staff staff;
        private final PoolTerms terms;
        private final Map<Long, UserSummary> people;
        private final LocalDate today;

        Planner(DemoRandom random, DemoUsers.Staff staff, PoolTerms terms, Map<Long, UserSummary> people) {
            this.random = random;
            this.staff = staff;
            this.terms = terms;
            this.people = people;
            this.today = random.today();
        }

        List<Draft> plan(List<DemoNames.Company> companies) {
            List<Long> reps = staff.repIds();
            List<Draft> drafts = new ArrayList<>();
            int n = 0;
            for (int r = 0; r < reps.size(); r++) {
                long rep = reps.get(r);
                List<Story> stories = storiesOf(r);
                Map<Story, List<CustomerStatus>> statuses = statusesFor(stories);
                for (Story story : stories) {
                    Draft d = new Draft();
                    d.story = story;
                    DemoNames.Company company = companies.get(n++);
                    d.name = company.name();
                    d.status = statuses.get(story).remove(0);
                    d.type = typeOf(story);
                    describe(d, company);
                    place(d, rep, r);
                    drafts.add(d);
                }
            }
            return drafts;
        }

        private List<Story> storiesOf(int repIndex) {
            List<Story> stories = new ArrayList<>();
            add(stories, Story.WON, 6);
            add(stories, Story.NEW, 2);
            add(stories, Story.FRESH, repIndex % 2 == 0 ? 10 : 9);
            add(stories, Story.DUE_TODAY, 4);
            add(stories, Story.OVERDUE, 4);
            add(stories, Story.WARNING, 3);
            add(stories, Story.GRABBED, 1);
            add(stories, repIndex % 2 == 1 ? Story.ASSIGNED : Story.GRABBED, 1);
            add(stories, Story.TRANSFERRED, 1);
            add(stories, Story.RECLAIMED, 3);
            add(stories, Story.RELEASED, 2);
            add(stories, Story.POOL_TWICE, 1);
            return stories;
        }

        private static void add(List<Story> stories, Story story, int count) {
            stories.addAll(Collections.nCopies(count, story));
        }

        /**
         * The statuses of one rep's customers, drawn per story: the deals in negotiation are among
         * the fresh and due ones (the contract demo submits them), the others spread over the rest.
         */
        private Map<Story, List<CustomerStatus>> statusesFor(List<Story> stories) {
            Map<Story, List<CustomerStatus>> byStory = new LinkedHashMap<>();
            for (Story s : Story.values()) {
                byStory.put(s, new ArrayList<>());
            }
            List<Story> open = stories.stream().filter(s -> switch (s) {
                case FRESH, DUE_TODAY, OVERDUE, WARNING, GRABBED, ASSIGNED, TRANSFERRED -> true;
                default -> false;
            }).toList();
            List<CustomerStatus> pool = new ArrayList<>();
            add(pool, CustomerStatus.QUOTED, 4);
            add(pool, CustomerStatus.INTENT, 4);
            add(pool, CustomerStatus.TRIAL, 4);
            add(pool, CustomerStatus.ON_HOLD, 2);
            while (pool.size() < open.size() - 4) {
                pool.add(CustomerStatus.FIRST_VISIT);
            }
            pool = random.shuffled(pool);
            // Four deals in negotiation among the fresh and due customers.
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                if (open.get(i) == Story.FRESH || open.get(i) == Story.DUE_TODAY) {
                    active.add(i);
                }
            }
            Set<Integer> negotiating = new HashSet<>(random.shuffled(active).subList(0, 4));
            int next = 0;
            for (int i = 0; i < open.size(); i++) {
                byStory.get(open.get(i)).add(negotiating.contains(i) ? CustomerStatus.NEGOTIATING : pool.get(next++));
            }
            for (Story s : stories) {
                switch (s) {
                    case WON -> byStory.get(s).add(CustomerStatus.WON);
                    case NEW -> byStory.get(s).add(CustomerStatus.FIRST_VISIT);
                    case RECLAIMED -> byStory.get(s).add(random.pick(CustomerStatus.FIRST_VISIT, CustomerStatus.TRIAL,
                            CustomerStatus.INTENT));
                    case RELEASED -> byStory.get(s).add(random.pick(CustomerStatus.ON_HOLD, CustomerStatus.FIRST_VISIT,
                            CustomerStatus.TRIAL));
                    case POOL_TWICE -> byStory.get(s).add(random.pick(CustomerStatus.INTENT, CustomerStatus.TRIAL));
                    default -> {
                    }
                }
            }
            return byStory;
        }

        private static <T> void add(List<T> list, T value, int count) {
            list.addAll(Collections.nCopies(count, value));
        }

        private CustomerType typeOf(Story story) {
            int roll = random.between(1, 100);
            if (story == Story.WON) {
                return roll <= 35 ? CustomerType.A : roll <= 85 ? CustomerType.B : CustomerType.C;
            }
            return roll <= 20 ? CustomerType.A : roll <= 65 ? CustomerType.B : CustomerType.C;
        }

        private int stale(CustomerType type) {
            return terms.staleDays().get(type);
        }

        private Instant office(int daysAgo) {
            return random.officeTimeDaysAgo(daysAgo);
        }

        private int ageOf(Instant at) {
            return (int) ChronoUnit.DAYS.between(random.date(at), today);
        }

        /** A creation some days before {@code first}, within the demo's history where there is room. */
        private Instant createdBefore(Instant first, int minDays, int maxDays) {
            int age = ageOf(first);
            int from = age + minDays;
            int to = Math.max(from, Math.min(age + maxDays, HISTORY_DAYS));
            return office(random.between(from, to));
        }

        private Instant future(int minDays, int maxDays) {
            return random.plannedTime(today.plusDays(random.between(minDays, maxDays)));
        }

        private Instant reclaimRun(LocalDate day) {
            return day.atTime(terms.reclaimTime()).atZone(random.zone()).toInstant();
        }

        private long teammate(long rep) {
            return staff.teamOf(rep).repIds().stream().filter(id -> id != rep).findFirst().orElse(rep);
        }

        private long otherRep(int repIndex, int shift) {
            List<Long> reps = staff.repIds();
            return reps.get((repIndex + shift) % reps.size());
        }

        private String nameOf(long userId) {
            UserSummary u = people.get(userId);
            return u == null ? "同事" : u.displayName();
        }

        private void place(Draft d, long rep, int repIndex) {
            int n = stale(d.type);
            switch (d.story) {
                case NEW -> {
                    d.created = office(random.between(0, 2));
                    created(d, rep);
                    d.lasts.add(null);
                    d.next = random.chance(0.6) ? future(1, 2) : null;
                }
                case FRESH -> owned(d, rep, office(random.between(0, Math.min(n - 4, 8))), future(1, 10));
                case DUE_TODAY -> owned(d, rep, office(random.between(1, Math.min(n - 4, 7))),
                        random.plannedTime(today));
                case OVERDUE -> {
                    int age = random.between(3, n - 4);
                    owned(d, rep, office(age), office(random.between(1, age - 1)));
                }
                case WARNING -> {
                    // The deadline is one of the next three reclaim runs: the clock lies on the day
                    // that many stale days before it, before the run's time of day.
                    boolean todaysRunPassed = !reclaimRun(today).isAfter(random.now());
                    int k = random.between(todaysRunPassed ? 1 : 0, 2);
                    Instant last = random.officeTime(today.plusDays(k - n));
                    int age = ageOf(last);
                    owned(d, rep, last, random.chance(0.5) ? office(random.between(1, age - 1)) : null);
                }
                case WON -> {
                    int wonAge = random.between(3, 45);
                    d.wonAt = office(wonAge);
                    d.created = createdBefore(d.wonAt, 7, 40);
                    created(d, rep);
                    // The last follow-up is the day the contract went for approval, or a call after the sale.
                    d.lasts.add(random.chance(0.6) ? office(random.between(0, wonAge - 1))
                            : d.wonAt.minus(Duration.ofHours(random.between(2, 20))));
                    d.next = random.chance(0.5) ? future(3, 30) : null;
                    d.expectedCloseDate = random.date(d.wonAt);
                }
                case TRANSFERRED -> {
                    long from = teammate(rep);
                    int age = random.between(1, Math.min(n - 4, 15));
                    Instant at = office(age);
                    d.created = createdBefore(at, 5, 40);
                    created(d, from);
                    long manager = staff.teamOf(rep).managerId();
                    d.history.add(new OwnerChange(OwnerChangeKind.TRANSFERRED, from, rep, manager,
                            random.pick(nameOf(from) + " 转做大客户，客户交接给 " + nameOf(rep),
                                    "客户所在区域调整，由 " + nameOf(rep) + " 就近跟进",
                                    nameOf(from) + " 休假，客户交接"), at));
                    d.ownerId = rep;
                    // The former owner followed it up shortly before: it was never near its deadline.
                    Instant recent = at.minus(Duration.ofDays(n - 5));
                    d.lasts.add(random.between(recent.isAfter(d.created) ? recent : d.created.plusSeconds(3600),
                            at.minusSeconds(3600)));
                    d.lasts.add(random.chance(0.6) ? office(random.between(0, age - 1)) : null);
                    d.next = future(1, 7);
                }
                case GRABBED, ASSIGNED -> {
                    long former = otherRep(repIndex, d.story == Story.GRABBED ? 2 : 1);
                    int age = random.between(1, Math.min(n - 4, 14));
                    Instant taken = office(age);
                    Instant reclaimed = reclaimRun(random.date(taken).minusDays(random.between(1, 6)));
                    Instant formerLast = random.officeTime(random.date(reclaimed).minusDays(n));
                    d.created = createdBefore(formerLast, 2, 10);
                    created(d, former);
                    d.history.add(new OwnerChange(OwnerChangeKind.RECLAIMED, former, null, null, null, reclaimed));
                    long by = d.story == Story.GRABBED ? rep : staff.teamOf(rep).managerId();
                    d.history.add(new OwnerChange(d.story == Story.GRABBED ? OwnerChangeKind.GRABBED
                            : OwnerChangeKind.ASSIGNED, null, rep, by, null, taken));
                    d.ownerId = rep;
                    d.lasts.add(formerLast);
                    // The reclaim cleared the next follow-up; only a follow-up of the new owner sets one.
                    boolean followedUp = random.chance(0.7);
                    d.lasts.add(followedUp ? office(random.between(0, age - 1)) : null);
                    d.next = followedUp ? future(1, 7) : null;
                }
                case RECLAIMED -> {
                    Instant reclaimed = reclaimRun(today.minusDays(random.between(1, 25)));
                    Instant last = random.officeTime(random.date(reclaimed).minusDays(n));
                    d.created = createdBefore(last, 2, 8);
                    created(d, rep);
                    d.lasts.add(last);
                    d.history.add(new OwnerChange(OwnerChangeKind.RECLAIMED, rep, null, null, null, reclaimed));
                    pooled(d, reclaimed, "#RECLAIMED");
                }
                case RELEASED -> {
                    int age = random.between(1, 20);
                    Instant released = office(age);
                    Instant last = office(age + random.between(1, Math.min(n - 5, 10)));
                    d.created = createdBefore(last, 3, 20);
                    created(d, rep);
                    d.lasts.add(last);
                    String reason = random.pick("客户暂无预算，明年再联系", "客户已选择竞品，暂无机会", "联系人离职，暂时无法推进",
                            "需求不匹配：只需要个人微信工具", "客户要求暂停联系");
                    d.history.add(new OwnerChange(OwnerChangeKind.RELEASED, rep, null, rep, reason, released));
                    pooled(d, released, reason);
                }
                case POOL_TWICE -> {
                    long second = otherRep(repIndex, 1);
                    int releasedAge = random.between(1, 10);
                    Instant released = office(releasedAge);
                    Instant grabbed = office(releasedAge + random.between(3, Math.min(n - 5, 12)));
                    Instant reclaimed = reclaimRun(random.date(grabbed).minusDays(random.between(1, 5)));
                    Instant firstLast = random.officeTime(random.date(reclaimed).minusDays(n));
                    d.created = createdBefore(firstLast, 2, 6);
                    created(d, rep);
                    d.history.add(new OwnerChange(OwnerChangeKind.RECLAIMED, rep, null, null, null, reclaimed));
                    d.history.add(new OwnerChange(OwnerChangeKind.GRABBED, null, second, second, null, grabbed));
                    String reason = random.pick("试用后觉得功能太多，暂不采购", "客户内部调整，项目暂停");
                    d.history.add(new OwnerChange(OwnerChangeKind.RELEASED, second, null, second, reason, released));
                    d.lasts.add(firstLast);
                    d.lasts.add(random.chance(0.7)
                            ? random.between(grabbed.plusSeconds(3600), released.minusSeconds(3600)) : null);
                    pooled(d, released, reason);
                }
            }
        }

        private void created(Draft d, long creator) {
            d.history.add(new OwnerChange(OwnerChangeKind.CREATED, null, creator, creator, null, d.created));
            d.ownerId = creator;
        }

        private void owned(Draft d, long rep, Instant last, Instant next) {
            d.next = next;
            d.created = createdBefore(last, 3, 50);
            created(d, rep);
            d.lasts.add(last);
        }

        private void pooled(Draft d, Instant at, String reason) {
            d.ownerId = null;
            d.pooledAt = at;
            d.poolReason = reason;
            d.next = null;
        }

        // --- what the customer is

        private void describe(Draft d, DemoNames.Company company) {
            d.region = company.region();
            d.industry = company.industry().label();
            d.brandPinyin = company.brand().pinyin();
            d.domainSuffix = company.industry().domainSuffix();
            int roll = random.between(1, 100);
            d.productLine = roll <= 45 ? "句客宝" : roll <= 80 ? "句子秒回" : "Wechaty";
            d.source = source(d.productLine);
            if (d.source == CustomerSource.FOUNDER_REFERRAL) {
                d.referrer = random.pick("陈总（创始人同学）", "李总（创始人朋友）", "投资人王总");
            } else if (d.source == CustomerSource.CUSTOMER_REFERRAL) {
                d.referrer = random.pick("老客户 周总", "老客户 林经理", "合作伙伴 吴总");
            }
            if (random.chance(0.45)) {
                d.creditCode = DemoNames.creditCode(company.city().code(), random);
            }
            if (random.chance(0.6)) {
                d.website = "https://www." + d.brandPinyin + d.domainSuffix + random.pick(".com", ".cn", ".com.cn");
            }
            d.address = company.address(random);
            d.staffSize = switch (d.type) {
                case A -> random.pick(StaffSize.UP_TO_500, StaffSize.UP_TO_1000, StaffSize.OVER_1000);
                case B -> random.pick(StaffSize.UP_TO_100, StaffSize.UP_TO_500);
                case C -> random.pick(StaffSize.UP_TO_20, StaffSize.UP_TO_50);
            };
            int seats = switch (d.type) {
                case A -> random.between(50, 200);
                case B -> random.between(10, 60);
                case C -> random.between(2, 10);
            };
            d.seats = seats;
            d.requirements = switch (d.productLine) {
                case "句客宝" -> random.pick("客服团队约 " + seats + " 人，需要企业微信会话存档和质检，离职员工的客户自动继承",
                        "希望统一管理门店导购的企业微信，统计每日加粉和回复率（约 " + seats + " 人）");
                case "句子秒回" -> random.pick("销售用个人微信跟进客户，需要快捷回复和群发，约 " + seats + " 个座席",
                        "多个微信号聚合到一个工作台，支持自动回复和客户标签（" + seats + " 个号）");
                default -> random.pick("基于 Wechaty 做客服机器人，约 " + seats + " 个微信号，需要 padplus 协议稳定运行",
                        "内部 IM 机器人项目（" + seats + " 个微信号），需要技术支持和定制开发");
            };
            if (d.status.ordinal() >= CustomerStatus.INTENT.ordinal() && d.status != CustomerStatus.ON_HOLD) {
                // About the catalog's list price for the seats (the sales demo prices the deal itself).
                long estimate = switch (d.productLine) {
                    case "句客宝" -> 4980L + 500L * seats;
                    case "句子秒回" -> 1280L * seats;
                    default -> 200L * Math.max(5, seats)
                            + 2500L * (d.type == CustomerType.A ? 14 : d.type == CustomerType.B ? 6 : 2);
                };
                d.expectedAmount = BigDecimal.valueOf(estimate).setScale(-2, java.math.RoundingMode.HALF_UP)
                        .setScale(2);
                d.expectedCloseDate = today.plusDays(random.between(10, 90));
            }
            if ((d.status == CustomerStatus.QUOTED || d.status == CustomerStatus.NEGOTIATING) && random.chance(0.5)) {
                d.extraDiscount = random.pick("首年 9 折，赠送 2 天上线培训", "签两年送 3 个月", "免费迁移历史聊天记录");
            }
            if (random.chance(0.25)) {
                d.remarks = random.pick("每周二下午方便沟通", "老板是技术出身，喜欢看开源项目", "年底有预算，12 月前要定下来",
                        "决策人是运营总监，IT 只做评估", "对数据安全很在意，问过私有化部署");
            }
            tags(d);
            switch (d.productLine) {
                case "句客宝" -> {
                    d.jkbStatus = random.pick(ServiceCodeStatus.values());
                    d.jkbName = company.shortName();
                }
                case "句子秒回" -> {
                    d.retention = d.status == CustomerStatus.WON ? Retention.EXISTING
                            : d.story == Story.RELEASED ? Retention.CHURNED : Retention.NEW;
                    d.jzmhName = company.shortName();
                }
                default -> {
                    d.github = "https://github.com/" + d.brandPinyin + "-tech";
                    d.contributor = random.chance(0.3);
                }
            }
        }

        private CustomerSource source(String productLine) {
            if (productLine.equals("Wechaty") && random.chance(0.6)) {
                return CustomerSource.GITHUB;
            }
            int roll = random.between(1, 100);
            if (roll <= 30) {
                return CustomerSource.SEARCH_ENGINE;
            }
            if (roll <= 48) {
                return CustomerSource.WECHAT_OFFICIAL;
            }
            if (roll <= 66) {
                return CustomerSource.CUSTOMER_REFERRAL;
            }
            if (roll <= 76) {
                return CustomerSource.FOUNDER_REFERRAL;
            }
            if (roll <= 92) {
                return CustomerSource.AGENT;
            }
            return CustomerSource.OTHER;
        }

        private void tags(Draft d) {
            if (d.type == CustomerType.A && d.status.ordinal() >= CustomerStatus.INTENT.ordinal()
                    && d.status != CustomerStatus.ON_HOLD) {
                d.tags.add("高意向-预算50万+");
            }
            if (d.source == CustomerSource.CUSTOMER_REFERRAL) {
                d.tags.add("老客户转介绍");
            }
            if (d.status == CustomerStatus.WON) {
                d.tags.add(random.pick("续费客户", "标杆客户", "可做案例"));
            }
            if (random.chance(0.5)) {
                String tag = random.pick("已演示", "竞品对比中", "价格敏感", "决策链长", "需要私有化部署", "重点跟进");
                if (!d.tags.contains(tag)) {
                    d.tags.add(tag);
                }
            }
        }
    }
}

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Mixed load for a fixed time from N signed-in clients through the load balancer: customer
 * lists with random filters and sorts, customer pages, follow-ups written on the client's own
 * customers, grabs from the pool and, for managers, contract approvals. Every acknowledged write
 * is written to a file so that reliability/run can look for it in the database afterwards.
 *
 *   java Soak BASE SECONDS CLIENTS OWNED_TSV OUT_DIR
 */
public class Soak {

    static final String[] USERS = {"rep1", "rep2", "rep3", "rep4", "manager1", "manager2"};
    static final String[] STATUSES = {"", "FIRST_VISIT", "TRIAL", "INTENT", "QUOTED", "NEGOTIATING", "WON", "ON_HOLD"};
    static final String[] TYPES = {"", "A", "B", "C"};
    static final String[] SORTS = {"", "UPDATED", "NEXT_FOLLOW_UP", "STALEST", "NAME"};
    static final String[] DUES = {"", "TODAY", "OVERDUE", "WEEK"};
    static final String[] QUERIES = {"", "", "SOAK", "soak 1", "有限公司", "x'", "1"};
    static final String[] KINDS = {"PHONE", "WECHAT", "VISIT", "EMAIL", "SMS", "MEETING", "OTHER"};
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final long MAX_ITERATIONS_PER_CLIENT = 2_000_000;

    final AtomicLongArray byClass = new AtomicLongArray(6); // index 1..5 = 1xx..5xx, 0 = no answer
    final AtomicLong requests = new AtomicLong();
    final AtomicLong signedOut = new AtomicLong();
    final AtomicLong followUpsTried = new AtomicLong();
    final AtomicLong grabsTried = new AtomicLong();
    final AtomicLong grabsRefused = new AtomicLong();
    final AtomicLong decisionsTried = new AtomicLong();
    final AtomicLong decisionsRefused = new AtomicLong();
    final AtomicBoolean approvalsRoute = new AtomicBoolean(true);
    final ConcurrentLinkedQueue<String> ackedFollowUps = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> ackedGrabs = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> ackedDecisions = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Web.requireLoopback(base);
        int seconds = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        Map<String, List<Long>> owned = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                owned.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Long.parseLong(f[1].trim()));
            }
        }
        new Soak().run(base, seconds, clients, owned, Path.of(args[4]));
    }

    void run(String base, int seconds, int clients, Map<String, List<Long>> owned, Path out) throws Exception {
        Files.createDirectories(out);
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String user = USERS[i % USERS.length];
            int client = i;
            futures.add(pool.submit(() -> {
                client(base, client, user, owned.getOrDefault(user, List.of()), deadline);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(seconds + 120L, TimeUnit.SECONDS);
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;

        write(out.resolve("acked-followups.tsv"), ackedFollowUps);
        write(out.resolve("acked-grabs.tsv"), ackedGrabs);
        write(out.resolve("acked-decisions.tsv"), ackedDecisions);
        long[] lat = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("soak_seconds", String.format("%.0f", elapsed));
        figures.put("soak_clients", clients);
        figures.put("soak_requests", requests.get());
        figures.put("soak_rps", String.format("%.1f", requests.get() / elapsed));
        figures.put("soak_2xx", byClass.get(2));
        figures.put("soak_3xx", byClass.get(3));
        figures.put("soak_4xx", byClass.get(4));
        figures.put("soak_5xx", byClass.get(5));
        figures.put("soak_no_answer", byClass.get(0));
        figures.put("soak_signed_out", signedOut.get());
        figures.put("soak_followups_tried", followUpsTried.get());
        figures.put("soak_followups_acked", ackedFollowUps.size());
        figures.put("soak_grabs_tried", grabsTried.get());
        figures.put("soak_grabs_acked", ackedGrabs.size());
        figures.put("soak_grabs_refused", grabsRefused.get());
        figures.put("soak_approvals_route", approvalsRoute.get());
        figures.put("soak_decisions_tried", decisionsTried.get());
        figures.put("soak_decisions_acked", ackedDecisions.size());
        figures.put("soak_decisions_refused", decisionsRefused.get());
        figures.put("soak_latency_p50_ms", pct(lat, 50));
        figures.put("soak_latency_p95_ms", pct(lat, 95));
        figures.put("soak_latency_p99_ms", pct(lat, 99));
        figures.put("soak_latency_max_ms", lat.length == 0 ? 0 : lat[lat.length - 1] / 1000);
        figures.forEach((k, v) -> System.out.println(k + "=" + v));
        serverErrors.stream().limit(20).forEach(e -> System.err.println("5xx/no answer: " + e));
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * (p / 100.0)))] / 1000;
    }

    static void write(Path file, ConcurrentLinkedQueue<String> lines) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            lines.forEach(w::println);
        }
    }

    void client(String base, int client, String user, List<Long> owned, long deadline) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        boolean manager = user.startsWith("manager");
        Web web = null;
        String token = null;
        for (long i = 0; i < MAX_ITERATIONS_PER_CLIENT && System.nanoTime() < deadline; i++) {
            try {
                if (web == null) {
                    web = new Web(base);
                    if (!web.signIn(user)) {
                        throw new IllegalStateException("sign-in failed for " + user);
                    }
                    requests.addAndGet(2);
                    byClass.incrementAndGet(2);
                    byClass.incrementAndGet(3);
                    token = Web.csrf(call(web, "/customers", null).body());
                }
                int op = rnd.nextInt(100);
                if (op < 35) {
                    call(web, listUrl(rnd), null);
                } else if (op < 60 && !owned.isEmpty()) {
                    Web.Response r = call(web, "/customers/" + owned.get(rnd.nextInt(owned.size())), null);
                    if (r.status() == 200) {
                        token = Web.csrf(r.body());
                    }
                } else if (op < 85 && !owned.isEmpty()) {
                    followUp(web, token, client, user, owned.get(rnd.nextInt(owned.size())), i, rnd);
                } else if (op < 92 && !manager) {
                    grab(web, token, user, rnd);
                } else if (manager && approvalsRoute.get()) {
                    approve(web, token, user);
                } else {
                    call(web, "/pool", null);
                }
            } catch (Exception e) {
                // Counted in call(); a broken session is replaced by a fresh sign-in.
                if (web != null && web.session == null) {
                    web = null;
                }
                sleepQuietly(50);
            }
        }
    }

    static String listUrl(ThreadLocalRandom rnd) {
        StringBuilder sb = new StringBuilder("/customers?");
        sb.append("status=").append(STATUSES[rnd.nextInt(STATUSES.length)]);
        sb.append("&type=").append(TYPES[rnd.nextInt(TYPES.length)]);
        sb.append("&sort=").append(SORTS[rnd.nextInt(SORTS.length)]);
        sb.append("&due=").append(DUES[rnd.nextInt(DUES.length)]);
        sb.append("&q=").append(java.net.URLEncoder.encode(QUERIES[rnd.nextInt(QUERIES.length)], StandardCharsets.UTF_8));
        return sb.toString();
    }

    void followUp(Web web, String token, int client, String user, long customer, long i, ThreadLocalRandom rnd)
            throws Exception {
        String content = "soak " + user + " c" + client + " n" + i + " " + Long.toHexString(rnd.nextLong());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("kind", KINDS[rnd.nextInt(KINDS.length)]);
        form.put("occurredAt", LocalDateTime.now(ZONE).format(MINUTE));
        form.put("content", content);
        followUpsTried.incrementAndGet();
        Web.Response r = call(web, "/customers/" + customer + "/follow-ups", form);
        if (r.status() == 302 && r.location() != null && r.location().endsWith("/customers/" + customer)) {
            ackedFollowUps.add(customer + "\t" + content);
        }
    }

    void grab(Web web, String token, String user, ThreadLocalRandom rnd) throws Exception {
        Web.Response page = call(web, "/pool", null);
        List<Long> ids = Web.ids(page.body(), "action=\"/pool/(\\d+)/grab\"");
        if (ids.isEmpty()) {
            return;
        }
        long id = ids.get(rnd.nextInt(ids.size()));
        grabsTried.incrementAndGet();
        Web.Response r = call(web, "/pool/" + id + "/grab", Map.of("_csrf", token));
        if (r.status() == 302 && r.location() != null && r.location().endsWith("/customers/" + id)) {
            ackedGrabs.add(user + "\t" + id);
        } else {
            grabsRefused.incrementAndGet(); // taken by someone else a moment before, or over the cap
        }
    }

    void approve(Web web, String token, String user) throws Exception {
        Web.Response queue = call(web, "/approvals", null);
        if (queue.status() == 404) {
            approvalsRoute.set(false);
            return;
        }
        List<Long> ids = Web.ids(queue.body(), "href=\"/contracts/(\\d+)\"");
        if (ids.isEmpty()) {
            return;
        }
        long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        Web.Response detail = call(web, "/contracts/" + id, null);
        if (detail.status() != 200 || !detail.body().contains("id=\"decision-form\"")) {
            return;
        }
        Map<String, List<String>> form = Web.formFields(detail.body(), "/contracts/" + id + "/decision");
        form.put("decision", List.of("APPROVED"));
        form.put("comment", List.of("soak"));
        decisionsTried.incrementAndGet();
        Web.Response r = call(web, "/contracts/" + id + "/decision", form);
        if (r.status() == 302 && r.location() != null && r.location().endsWith("/contracts/" + id)) {
            ackedDecisions.add(user + "\t" + id);
        } else {
            decisionsRefused.incrementAndGet(); // the other manager or an admin decided a moment before
        }
    }

    Web.Response call(Web web, String path, Map<String, ?> form) throws Exception {
        long t0 = System.nanoTime();
        requests.incrementAndGet();
        try {
            Web.Response r = form == null ? web.get(path) : web.post(path, form);
            latenciesMicros.add((System.nanoTime() - t0) / 1000);
            byClass.incrementAndGet(Math.min(5, Math.max(1, r.status() / 100)));
            if (r.status() >= 500) {
                serverErrors.add(r.status() + " " + (form == null ? "GET " : "POST ") + path);
            }
            if (r.signedOut()) {
                signedOut.incrementAndGet();
                web.session = null;
                throw new IllegalStateException("signed out");
            }
            return r;
        } catch (IOException e) {
            byClass.incrementAndGet(0);
            serverErrors.add(e + " " + path);
            throw e;
        }
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}

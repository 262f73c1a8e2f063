import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two-node checks, one per sub-command; each prints key=value lines for reliability/run.
 *
 *   session   A B             sign in on one node, use the cookie on the other (both ways)
 *   schedule  A HH:mm         as admin, set the pool reclaim time (warning at 00:00) via the form
 *   cookie    LB user         sign in and print the SESSION cookie (for sqlmap)
 *   failover  LB pidB N       N signed-in GETs through nginx on 4 threads; node B is killed after N/3
 */
public class TwoNodes {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "session" -> session(args[1], args[2]);
            case "schedule" -> schedule(args[1], args[2]);
            case "cookie" -> {
                Web w = new Web(args[1]);
                if (!w.signIn(args[2])) {
                    throw new IllegalStateException("sign-in failed");
                }
                System.out.println(w.session);
            }
            case "failover" -> failover(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void session(String a, String b) throws Exception {
        int checked = 0;
        int valid = 0;
        for (String[] pair : new String[][] {{a, b}, {b, a}}) {
            for (String user : List.of("rep1", "manager1", "admin")) {
                Web first = new Web(pair[0]);
                if (!first.signIn(user)) {
                    throw new IllegalStateException("sign-in failed for " + user + " on " + pair[0]);
                }
                Web other = new Web(pair[1]);
                other.session = first.session;
                Web.Response r = other.get("/customers");
                checked++;
                boolean ok = r.status() == 200 && r.body().contains("action=\"/logout\"");
                if (ok) {
                    valid++;
                } else {
                    System.err.println("session from " + pair[0] + " refused on " + pair[1] + " for " + user
                            + ": HTTP " + r.status() + " " + r.location());
                }
            }
        }
        System.out.println("session_checks=" + checked);
        System.out.println("session_valid_on_other_node=" + valid);
    }

    static void schedule(String node, String hhmm) throws Exception {
        Web admin = new Web(node);
        if (!admin.signIn("admin")) {
            throw new IllegalStateException("admin sign-in failed");
        }
        Web.Response page = admin.get("/admin/pool-rules");
        Map<String, List<String>> form = Web.formFields(page.body(), "/admin/pool-rules");
        form.put("reclaimTime", List.of(hhmm));
        if (!LocalTime.parse(hhmm).isAfter(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("the warning (00:00) must come before the reclaim time");
        }
        form.put("warningTime", List.of("00:00"));
        Web.Response r = admin.post("/admin/pool-rules", form);
        boolean saved = r.status() == 302 && r.location() != null && r.location().endsWith("/admin/pool-rules");
        System.out.println("schedule_saved=" + saved);
        if (!saved) {
            System.err.println("pool rules not saved: HTTP " + r.status() + " " + r.body().replaceAll("\\s+", " ")
                    .replaceAll(".*(invalid-feedback[^<]*<[^<]*).*", "$1"));
            System.exit(1);
        }
    }

    static void failover(String lb, long pidB, int total) throws Exception {
        int threads = 4;
        List<Web> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Web w = new Web(lb);
            if (!w.signIn(i % 2 == 0 ? "rep1" : "manager1")) {
                throw new IllegalStateException("sign-in through nginx failed");
            }
            clients.add(w);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger afterKill = new AtomicInteger();
        AtomicLong killedAtRequest = new AtomicLong(-1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        String[] paths = {"/customers", "/customers?sort=NAME", "/pool", "/contacts", "/todo"};
        for (Web w : clients) {
            futures.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                    if (n == total / 3 && killedAtRequest.compareAndSet(-1, n)) {
                        ProcessHandle.of(pidB).ifPresent(ProcessHandle::destroyForcibly);
                        System.err.println("killed node B (pid " + pidB + ") at request " + n);
                    }
                    try {
                        Web.Response r = w.get(paths[n % paths.length]);
                        if (r.status() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            System.err.println("failover request " + n + ": HTTP " + r.status());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println("failover request " + n + ": " + e);
                    }
                    if (killedAtRequest.get() >= 0) {
                        afterKill.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.println("failover_requests=" + (ok.get() + failed.get()));
        System.out.println("failover_requests_after_kill=" + afterKill.get());
        System.out.println("failover_failures=" + failed.get());
        System.out.println("failover_node_b_alive=" + ProcessHandle.of(pidB).map(ProcessHandle::isAlive).orElse(false));
    }
}

/*
 * Opening-day benchmark client (bench/opening.sh starts Confer and runs this with the JDK's source launcher:
 * java bench/Opening.java SLUG VISITORS PLACES ARRIVAL_SECONDS). JDK 21+, no libraries.
 *
 * Every visitor is a virtual thread: it arrives at a random time spread evenly over ARRIVAL_SECONDS, joins the
 * event's waiting room (POST /queue), asks for its place at once and then every pollSeconds of that first answer (as
 * the waiting page does: 3 s near the front, up to 15 s far back; never under BENCH_OPENING_POLL_MIN, 5 s), and
 * registers with its pass once admitted
 * (X-Queue-Pass), or leaves once the room says the event is sold out. Requests go over java.net.http's HTTP/1.1 keep-alive pool; at most BENCH_OPENING_CONNECTIONS are in
 * flight (a browser's request waits for a slot like a socket; the time it waits is reported apart). Every answer
 * is counted, by call type and status. Reports fairness (Spearman rank correlation of arrival order with the
 * server's admission second, read from the pass, and with the moment the client saw its pass), places filled,
 * oversell, and p50/p99 per call type, overall and while the queue drains (after the last arrival).
 */
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Opening {

    static final String BASE = "http://127.0.0.1:" + env("BENCH_PORT", "18080");
    static final int IN_FLIGHT = Integer.parseInt(env("BENCH_OPENING_CONNECTIONS", "1024"));
    static final long POLL_MIN = Long.parseLong(env("BENCH_OPENING_POLL_MIN", "5"));
    static final long GIVE_UP_AFTER = Long.parseLong(env("BENCH_OPENING_GIVE_UP", "600")); // seconds after the last arrival
    static long giveUpAt = Long.MAX_VALUE;
    static final long PASS_TTL_SECONDS = Long.parseLong(env("BENCH_OPENING_PASS_TTL", "600")); // confer.waiting-room.pass-ttl
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    static final Semaphore SLOTS = new Semaphore(IN_FLIGHT, true);

    record Sample(long finishedNanos, long tookNanos, long waitedNanos, String kind, int status) {
    }

    static final ConcurrentLinkedQueue<Sample> SAMPLES = new ConcurrentLinkedQueue<>();
    static final Map<String, AtomicLong> FAILURES = new ConcurrentHashMap<>();

    static final class Visitor {
        final int n;
        final long plannedNanos;
        long sentNanos = -1, passSeenNanos = -1, admittedSecond = -1;
        int polls;
        String outcome = "never admitted";

        Visitor(int n, long plannedNanos) {
            this.n = n;
            this.plannedNanos = plannedNanos;
        }
    }

    public static void main(String[] args) throws Exception {
        String slug = args[0];
        int visitors = Integer.parseInt(args[1]);
        int places = Integer.parseInt(args[2]);
        double arrivals = Double.parseDouble(args[3]);
        Random random = new Random(Long.parseLong(env("BENCH_SEED", "14")));
        double[] at = new double[visitors];
        for (int i = 0; i < visitors; i++) {
            at[i] = random.nextDouble() * arrivals;
        }
        Arrays.sort(at);
        long start = System.nanoTime() + 1_000_000_000L;
        giveUpAt = start + (long) ((arrivals + GIVE_UP_AFTER) * 1e9);
        List<Visitor> all = new ArrayList<>(visitors);
        for (int i = 0; i < visitors; i++) {
            all.add(new Visitor(i, start + (long) (at[i] * 1e9)));
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Visitor v : all) {
                threads.submit(() -> {
                    try {
                        visit(slug, v);
                    } catch (Exception e) {
                        v.outcome = "client error " + e.getClass().getSimpleName();
                    }
                });
            }
        }
        long end = System.nanoTime();
        report(all, places, arrivals, start, end);
        long confirmed = all.stream().filter(v -> v.outcome.equals("CONFIRMED")).count();
        System.exit(confirmed <= places ? 0 : 1);
    }

    static void visit(String slug, Visitor v) throws InterruptedException {
        sleepUntil(v.plannedNanos);
        v.sentNanos = System.nanoTime();
        Answer joined = call("join", "POST", "/api/v1/events/" + slug + "/queue", null, null);
        while (joined.status != 201) { // counted; a visitor whose join failed tries again, as a person would reload
            Thread.sleep(2000);
            joined = call("join", "POST", "/api/v1/events/" + slug + "/queue", null, null);
        }
        String id = text(joined.body, "id");
        long every = -1;
        while (true) {
            if (System.nanoTime() > giveUpAt) {
                v.outcome = "gave up (BENCH_OPENING_GIVE_UP)";
                return;
            }
            Answer place = call("poll", "GET", "/api/v1/events/" + slug + "/queue/" + id, null, null);
            v.polls++;
            if (place.status != 200) {
                Thread.sleep(3000);
                continue;
            }
            String pass = text(place.body, "pass");
            if (pass != null) {
                v.passSeenNanos = System.nanoTime();
                v.admittedSecond = Long.parseLong(pass.split("\\.")[1]) - PASS_TTL_SECONDS;
                String body = "{\"name\":\"Visitor " + v.n + "\",\"email\":\"v" + v.n + "@opening.example.com\"}";
                Answer registered = call("register", "POST", "/api/v1/events/" + slug + "/registrations", body, pass);
                v.outcome = registered.status == 201 ? String.valueOf(text(registered.body, "status")) : String.valueOf(registered.status);
                return;
            }
            if ("true".equals(raw(place.body, "soldOut"))) { // the room says sold out: a person gives up here
                v.outcome = "left: sold out";
                return;
            }
            if ("true".equals(raw(place.body, "expired"))) {
                v.outcome = "pass expired";
                return;
            }
            if (every < 0) { // as the waiting page: the interval of its first answer, kept (never under POLL_MIN)
                String first = raw(place.body, "pollSeconds");
                every = Math.max(POLL_MIN, first == null ? 3 : Long.parseLong(first));
            }
            Thread.sleep(1000L * every);
        }
    }

    record Answer(int status, String body) {
    }

    static Answer call(String kind, String method, String path, String json, String pass) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (pass != null) {
            request.header("X-Queue-Pass", pass);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long asked = System.nanoTime();
        SLOTS.acquire();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long done = System.nanoTime();
            SAMPLES.add(new Sample(done, done - sent, sent - asked, kind, response.statusCode()));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            long done = System.nanoTime();
            SAMPLES.add(new Sample(done, done - sent, sent - asked, kind, -1));
            FAILURES.computeIfAbsent(kind + " " + e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            return new Answer(-1, "");
        } finally {
            SLOTS.release();
        }
    }

    // --- the few JSON fields read (flat answers; no library) ----------------------------------------------------
    static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String raw(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9a-z.]+)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    // --- the report -----------------------------------------------------------------------------------------------
    static void report(List<Visitor> all, int places, double arrivals, long start, long end) {
        long lastArrival = all.stream().mapToLong(v -> v.sentNanos).max().orElse(start);
        List<Visitor> admitted = all.stream().filter(v -> v.passSeenNanos >= 0).toList();
        Map<String, Long> outcomes = new TreeMap<>();
        all.forEach(v -> outcomes.merge(v.outcome, 1L, Long::sum));
        long confirmed = outcomes.getOrDefault("CONFIRMED", 0L);
        System.out.printf("visitors: %d arriving over %.0f s; %d admitted; run took %.0f s (%.0f s of it after the last arrival); "
                        + "at most %d requests in flight; polls every %d s or more%n", all.size(), arrivals, admitted.size(),
                secs(end - start), secs(end - lastArrival), IN_FLIGHT, POLL_MIN);
        System.out.printf("places: %d; outcomes: %s%n", places, outcomes);
        System.out.printf("oversell: %d%n", Math.max(0, confirmed - places));
        double[] arrival = admitted.stream().mapToDouble(v -> v.sentNanos).toArray();
        System.out.printf("fairness, Spearman rank correlation of arrival order with: the server's admission second (from the pass) "
                        + "%.4f; the moment the client saw its pass %.4f%n",
                spearman(arrival, admitted.stream().mapToDouble(v -> v.admittedSecond).toArray()),
                spearman(arrival, admitted.stream().mapToDouble(v -> v.passSeenNanos).toArray()));
        List<Visitor> bySent = all.stream().filter(v -> v.sentNanos >= 0)
                .sorted((a, b) -> Long.compare(a.sentNanos, b.sentNanos)).toList();
        long earliest = bySent.stream().limit(places).filter(v -> v.outcome.equals("CONFIRMED")).count();
        System.out.printf("who got the places: %d of the first %d arrivals (by when their join was sent)%n", earliest, places);
        System.out.printf("polls per visitor: mean %.1f, max %d%n", all.stream().mapToInt(v -> v.polls).average().orElse(0),
                all.stream().mapToInt(v -> v.polls).max().orElse(0));
        List<Sample> samples = new ArrayList<>(SAMPLES);
        // join throughput: the joins answered 201 from the first join sent to the last one answered (with arrivals
        // packed into a few seconds, BENCH_OPENING_ARRIVALS, this is what the server can take, not the offered rate)
        long joinsOk = samples.stream().filter(s -> s.kind.equals("join") && s.status == 201).count();
        long firstSent = all.stream().filter(v -> v.sentNanos >= 0).mapToLong(v -> v.sentNanos).min().orElse(start);
        long lastJoined = samples.stream().filter(s -> s.kind.equals("join") && s.status == 201)
                .mapToLong(Sample::finishedNanos).max().orElse(firstSent);
        double joinSpan = Math.max(1e-9, secs(lastJoined - firstSent));
        System.out.printf("joins: %d answered 201 in %.1f s from the first sent to the last answered: %.0f joins/s%n",
                joinsOk, joinSpan, joinsOk / joinSpan);
        for (String kind : List.of("join", "poll", "register")) {
            List<Sample> of = samples.stream().filter(s -> s.kind.equals(kind)).toList();
            List<Sample> draining = of.stream().filter(s -> s.finishedNanos > lastArrival).toList();
            Map<Integer, Long> codes = new TreeMap<>();
            of.forEach(s -> codes.merge(s.status, 1L, Long::sum));
            System.out.printf("  %-9s %7d answers %s; p50 %.0f ms, p99 %.0f ms, max %.0f ms; while draining: %d, p50 %.0f ms, p99 %.0f ms%n",
                    kind, of.size(), codes, pct(of, .5), pct(of, .99), pct(of, 1), draining.size(), pct(draining, .5),
                    pct(draining, .99));
        }
        List<Sample> draining = samples.stream().filter(s -> s.finishedNanos > lastArrival).toList();
        double span = Math.max(1e-9, secs(end - lastArrival));
        System.out.printf("server answers while draining: %d in %.0f s (%.0f/s), p50 %.0f ms, p99 %.0f ms (client side, send to answer)%n",
                draining.size(), span, draining.size() / span, pct(draining, .5), pct(draining, .99));
        System.out.printf("all answers: %d in %.0f s (%.0f/s); waiting for a free connection: p99 %.0f ms, max %.0f ms%n",
                samples.size(), secs(end - start), samples.size() / secs(end - start),
                pctOf(samples.stream().mapToLong(Sample::waitedNanos).toArray(), .99),
                pctOf(samples.stream().mapToLong(Sample::waitedNanos).toArray(), 1));
        if (!FAILURES.isEmpty()) {
            System.out.printf("transport failures (counted above as status -1): %s%n", FAILURES);
        }
    }

    static double pct(List<Sample> samples, double p) {
        return pctOf(samples.stream().mapToLong(Sample::tookNanos).toArray(), p);
    }

    static double pctOf(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        Arrays.sort(nanos);
        return nanos[Math.min(nanos.length - 1, (int) (nanos.length * p))] / 1e6;
    }

    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] r = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1; // ties share their mean rank
            }
            i = j + 1;
        }
        return r;
    }

    static double spearman(double[] a, double[] b) {
        if (a.length < 2) {
            return Double.NaN;
        }
        double[] ra = ranks(a), rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0), mb = Arrays.stream(rb).average().orElse(0);
        double cov = 0, va = 0, vb = 0;
        for (int i = 0; i < ra.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    static double secs(long nanos) {
        return nanos / 1e9;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

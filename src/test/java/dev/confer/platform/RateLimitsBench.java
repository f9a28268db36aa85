package dev.confer.platform;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A micro-benchmark of the rate limiter's check (not a test; bench/limiter.sh runs it): {@link RateLimits#take}
 * as {@link ClientLimits} calls it for every limited request, with limits so high that nothing is refused, so the
 * figure is the bookkeeping alone (a Caffeine lookup and a Bucket4j compare-and-set). Three shapes: one client
 * address over and over (one bucket, the hottest case), 10,000 addresses in turn (a crowd), and two threads on the
 * one address (contended compare-and-set). Prints nanoseconds per check per round and the median.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<runtime classpath> dev.confer.platform.RateLimitsBench [rounds]}
 */
public final class RateLimitsBench {

    private static final int HIGH = 1_000_000_000;
    private static volatile long sink;

    private RateLimits limits = fresh();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        RateLimitsBench bench = new RateLimitsBench();
        String[] crowd = new String[10_000];
        for (int i = 0; i < crowd.length; i++) {
            crowd[i] = "10.0." + (i / 250) + "." + (i % 250);
        }
        bench.measure("one address, 1 thread", rounds, 1, t -> "203.0.113.7");
        bench.measure("10,000 addresses in turn, 1 thread", rounds, 1, t -> null, crowd);
        bench.measure("one address, 2 threads", rounds, 2, t -> "203.0.113.7");
        System.out.println("(for scale: a registration takes about 2-5 ms of server time; see docs/performance.md)");
        System.out.println("sink " + sink);
    }

    interface Key {
        String of(int thread);
    }

    private void measure(String shape, int rounds, int threads, Key key, String... crowd) throws Exception {
        limits = fresh();
        run(threads, 2_000_000, key, crowd); // warm-up: the JIT compiles the path
        double[] nanos = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            int perThread = 2_000_000;
            long start = System.nanoTime();
            run(threads, perThread, key, crowd);
            nanos[r] = (double) (System.nanoTime() - start) / perThread; // wall time per check (per thread)
        }
        double[] sorted = nanos.clone();
        Arrays.sort(sorted);
        StringBuilder each = new StringBuilder();
        for (double n : nanos) {
            each.append(String.format(" %.0f", n));
        }
        System.out.printf("%-36s median %4.0f ns per check; rounds:%s%n", shape, sorted[rounds / 2], each);
    }

    private void run(int threads, int checks, Key key, String[] crowd) throws InterruptedException {
        Thread[] running = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running[t] = new Thread(() -> {
                long refused = 0;
                String fixed = key.of(thread);
                for (int i = 0; i < checks; i++) {
                    String address = crowd.length > 0 ? crowd[i % crowd.length] : fixed;
                    OptionalLong wait = limits.take("registration", address);
                    if (wait.isPresent()) {
                        refused++;
                    }
                }
                sink += refused;
            });
            running[t].start();
        }
        for (Thread t : running) {
            t.join();
        }
    }

    private static RateLimits fresh() {
        return new RateLimits("on", "", HIGH, HIGH, HIGH, HIGH, HIGH);
    }
}

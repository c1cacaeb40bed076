package io.github.camelkaizala.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator until killed:
 * {@code mvn -pl kaizala-simulator compile exec:java -Dexec.args="--port 8099 --access-token-ttl PT1H --throttling"}.
 */
public final class Main {

    private static final String USAGE = "usage: Main [--port N (default 8099)] [--access-token-ttl ISO-8601-duration]"
            + " [--throttling [PER_CONNECTOR,PER_TENANT] (default 100,300)]"
            + " [--webhook-time-scale SCALE (1 = Kaizala's 6 retries over 2 days)] [--duplicate-rate 0..1]"
            + " [--no-callback-validation]";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        KaizalaSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        KaizalaSimulator sim = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "kaizala-sim-shutdown"));
        System.out.println("Kaizala simulator listening on " + sim.baseUri());
        System.out.println("  authUrl           " + sim.authUrl());
        System.out.println("  endpointUrl       " + sim.endpointUrl());
        System.out.println("  applicationId     " + KaizalaSimulator.DEFAULT_APPLICATION_ID);
        System.out.println("  applicationSecret " + KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        System.out.println("  refreshToken      " + KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        System.out.println("  user              " + KaizalaSimulator.DEFAULT_USER_MOBILE);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static KaizalaSimulator.Builder parse(String[] args) {
        KaizalaSimulator.Builder b = KaizalaSimulator.builder().port(8099);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, "--port")));
                case "--access-token-ttl" -> b.accessTokenTtl(duration(value(args, ++i, "--access-token-ttl")));
                case "--throttling" -> {
                    if (i + 1 < args.length && args[i + 1].matches("\\d+,\\d+")) {
                        String[] limits = args[++i].split(",");
                        b.throttling(Integer.parseInt(limits[0]), Integer.parseInt(limits[1]));
                    } else {
                        b.throttling(100, 300);
                    }
                }
                case "--webhook-time-scale" -> b.webhookTimeScale(decimal(value(args, ++i, "--webhook-time-scale"), "--webhook-time-scale"));
                case "--duplicate-rate" -> b.duplicateRate(decimal(value(args, ++i, "--duplicate-rate"), "--duplicate-rate"));
                case "--no-callback-validation" -> b.validateCallbacks(false);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        return b;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--access-token-ttl takes an ISO-8601 duration such as PT1H, not " + text);
        }
    }

    private static double decimal(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + text);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}

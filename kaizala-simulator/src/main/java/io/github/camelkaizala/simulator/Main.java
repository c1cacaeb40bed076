package io.github.camelkaizala.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import io.github.camelkaizala.simulator.internal.Json;

/**
 * The simulator as a program: {@code java -jar kaizala-simulator-<version>-standalone.jar --help}. Runs until
 * killed; prints what to configure, as {@code camel.component.kaizala.*} properties ready to paste.
 */
public final class Main {

    static final String READY = "Ready. Stop with Ctrl+C.";

    static final String USAGE = """
            Usage: java -jar kaizala-simulator-<version>-standalone.jar [options]

            An in-memory Kaizala REST API on 127.0.0.1, with webhooks and an admin API (GET /admin) to play members.

            Options:
              --port N                      the port (default 8099; 0 = a free one)
              --group NAME[=MOBILE,...]     seeds a group with those members (repeatable); the user +15550100000
                                            (the printed refresh token's) is its Admin; its id is printed
              --public-group NAME[=MOBILE,...]
                                            seeds a managed public group (ConnectGroup)
              --group-id-suffix SUFFIX      appended to every new group id, e.g. @1 as some real ids had
              --pin NNNN                    the PIN of the PIN flow (POST /v1/generatePin), always; random otherwise
              --print-pins                  prints each PIN the PIN flow issues
              --log-requests                prints one line per request: method, path, status, time (no headers,
                                            no bodies)
              --access-token-ttl DURATION   access token lifetime, ISO-8601 (default PT24H)
              --throttling [N,M]            429 beyond N calls a minute per connector, M per tenant (100,300)
              --webhook-time-scale SCALE    Kaizala's real retry schedule times SCALE (1 = 6 retries over 2 days);
                                            default: 50 ms doubling to 1.6 s
              --duplicate-rate R            share of webhook deliveries sent twice (0 to 1, default 0)
              --no-callback-validation      subscribe webhooks without the validation handshake
              --help                        this text
            """;

    /** A group to seed: {@code NAME[=MOBILE,…]}. */
    record Seed(String name, List<String> members, boolean isPublic) {}

    /** The parsed command line. */
    record Options(KaizalaSimulator.Builder builder, List<Seed> groups, boolean printPins, boolean logRequests,
            boolean help) {}

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        PrintStream out = System.out;
        if (options.printPins()) {
            options.builder().pinListener((mobile, pin) -> out.println("PIN for " + mobile + ": " + pin));
        }
        if (options.logRequests()) {
            options.builder().requestLog(out::println);
        }
        KaizalaSimulator sim = options.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "kaizala-sim-shutdown"));
        List<Group> seeded = seed(sim, options.groups());
        out.print(summary(sim, seeded));
        out.println(READY);
        out.flush();
        new CountDownLatch(1).await();
    }

    static List<Group> seed(KaizalaSimulator sim, List<Seed> seeds) {
        List<Group> groups = new ArrayList<>();
        for (Seed s : seeds) {
            String[] members = s.members().toArray(String[]::new);
            groups.add(s.isPublic() ? sim.state().createPublicGroup(s.name(), members)
                    : sim.state().createGroup(s.name(), members));
        }
        return groups;
    }

    /** What a user needs: the URLs, the seeded groups, and the component's properties (and environment variables). */
    static String summary(KaizalaSimulator sim, List<Group> seeded) {
        StringBuilder b = new StringBuilder();
        b.append("Kaizala simulator listening on ").append(sim.baseUri()).append('\n');
        b.append("  token service (authUrl)  ").append(sim.authUrl()).append('\n');
        b.append("  resources (endpointUrl)  ").append(sim.endpointUrl()).append("v1/...\n");
        b.append("  admin API                ").append(sim.baseUri()).append("/admin (GET it for its operations)\n");
        b.append("  user                     ").append(KaizalaSimulator.DEFAULT_USER_MOBILE)
                .append(" (Admin of the seeded groups)\n");
        for (Group g : seeded) {
            b.append("  group                    ").append(g.id()).append("  ").append(g.name())
                    .append(g.isPublic() ? " (public)" : "").append("  members ")
                    .append(g.members().stream().map(Member::mobileNumber).toList()).append('\n');
        }
        b.append("\n# the kaizala component's settings (application.properties):\n");
        sim.componentProperties().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        b.append("\n# or as environment variables:\n");
        sim.componentProperties().forEach((k, v) -> b.append("export ").append(environmentName(k)).append('=')
                .append(v).append('\n'));
        return b.append('\n').toString();
    }

    /** {@code camel.component.kaizala.authUrl} → {@code CAMEL_COMPONENT_KAIZALA_AUTH_URL}. */
    static String environmentName(String property) {
        return property.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    static Options parse(String[] args) {
        KaizalaSimulator.Builder b = KaizalaSimulator.builder().port(8099);
        List<Seed> groups = new ArrayList<>();
        boolean printPins = false;
        boolean logRequests = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> help = true;
                case "--port" -> b.port(whole(value(args, ++i, "--port"), "--port"));
                case "--group" -> groups.add(seed(value(args, ++i, "--group"), false));
                case "--public-group" -> groups.add(seed(value(args, ++i, "--public-group"), true));
                case "--group-id-suffix" -> b.groupIdSuffix(value(args, ++i, "--group-id-suffix"));
                case "--pin" -> b.pin(whole(value(args, ++i, "--pin"), "--pin"));
                case "--print-pins" -> printPins = true;
                case "--log-requests" -> logRequests = true;
                case "--access-token-ttl" -> b.accessTokenTtl(duration(value(args, ++i, "--access-token-ttl")));
                case "--throttling" -> {
                    if (i + 1 < args.length && args[i + 1].matches("\\d+,\\d+")) {
                        String[] limits = args[++i].split(",");
                        b.throttling(Integer.parseInt(limits[0]), Integer.parseInt(limits[1]));
                    } else {
                        b.throttling(100, 300);
                    }
                }
                case "--webhook-time-scale" ->
                    b.webhookTimeScale(decimal(value(args, ++i, "--webhook-time-scale"), "--webhook-time-scale"));
                case "--duplicate-rate" ->
                    b.duplicateRate(decimal(value(args, ++i, "--duplicate-rate"), "--duplicate-rate"));
                case "--no-callback-validation" -> b.validateCallbacks(false);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        return new Options(b, List.copyOf(groups), printPins, logRequests, help);
    }

    private static Seed seed(String text, boolean isPublic) {
        int eq = text.indexOf('=');
        String name = (eq < 0 ? text : text.substring(0, eq)).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a group needs a name: --group 'Field Sales=+15550100001,+15550100002'");
        }
        List<String> members = new ArrayList<>();
        if (eq >= 0) {
            for (String m : text.substring(eq + 1).split(",")) {
                if (!m.isBlank()) {
                    if (!Json.isMobile(m.trim())) {
                        throw new IllegalArgumentException(
                                "not a phone number (+ and 6 to 15 digits) in " + text + ": " + m);
                    }
                    members.add(m.trim());
                }
            }
        }
        return new Seed(name, List.copyOf(members), isPublic);
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--access-token-ttl takes an ISO-8601 duration such as PT1H, not " + text);
        }
    }

    private static int whole(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not " + text);
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

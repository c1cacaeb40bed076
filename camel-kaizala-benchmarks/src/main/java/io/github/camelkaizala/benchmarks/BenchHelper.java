package io.github.camelkaizala.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.Media;
import io.github.camelkaizala.simulator.MediaFile;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;

/**
 * The process beside the one measured: it runs the Kaizala simulator (so that the simulator's CPU and garbage are not
 * counted against the clients) and, for the consumer scenario, the load generator. Driven over stdin/stdout by
 * {@link Helper}, one command a line, one answer a line ({@code OK …} or {@code ERR …}).
 */
public final class BenchHelper {

    private BenchHelper() {
    }

    public static void main(String[] args) throws Exception {
        KaizalaSimulator.Builder builder = KaizalaSimulator.builder();
        for (int i = 0; i < args.length; i++) {
            if ("--ttl".equals(args[i])) {
                builder.accessTokenTtl(Duration.parse(args[++i]));
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (KaizalaSimulator sim = builder.start()) {
            out.println("READY " + sim.authUrl() + " " + sim.endpointUrl());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            AtomicLong eventIds = new AtomicLong();
            CloseableHttpAsyncClient loadClient = null;
            for (String line; (line = in.readLine()) != null;) {
                String[] cmd = line.trim().split(" ");
                try {
                    switch (cmd[0]) {
                        case "group" -> out.println("OK " + sim.state().createGroup(cmd[1]).id());
                        case "count" -> out.println("OK " + sim.state().group(cmd[1]).orElseThrow().messages().size());
                        case "tokens" -> out.println("OK " + sim.tokenRequests());
                        case "clear" -> {
                            sim.journal().clear();
                            out.println("OK");
                        }
                        case "expire" -> {
                            sim.expireAccessTokens();
                            out.println("OK");
                        }
                        case "token" ->
                            out.println("OK " + sim.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID));
                        case "cpu" -> out.println("OK " + Cpu.processNanos());
                        case "media" -> {
                            Media media = sim.state().media(cmd[1]).orElseThrow();
                            long size = media.files().stream().mapToLong(MediaFile::size).sum();
                            out.println("OK " + size);
                        }
                        case "load" -> {
                            // load URL TOKEN CONCURRENCY WARMUP_MILLIS MEASURE_MILLIS
                            if (loadClient == null) {
                                loadClient = AsyncLoad.newClient(256);
                            }
                            String url = cmd[1];
                            String token = cmd[2];
                            int concurrency = Integer.parseInt(cmd[3]);
                            var requests = events(url, token, eventIds);
                            AsyncLoad.Result warm = AsyncLoad.run(loadClient, requests, concurrency,
                                    Duration.ofMillis(Long.parseLong(cmd[4])));
                            out.println("STARTED");
                            long cpu = Cpu.processNanos();
                            AsyncLoad.Result r = AsyncLoad.run(loadClient, requests, concurrency,
                                    Duration.ofMillis(Long.parseLong(cmd[5])));
                            cpu = Cpu.processNanos() - cpu;
                            out.println(String.format(Locale.ROOT, "OK %d %d %d %d %.3f %.3f %d %s %d", r.ok(),
                                    r.failed(),
                                    r.elapsedNanos(), warm.ok(), Latencies.percentileMillis(r.sortedLatencies(), 0.5),
                                    Latencies.percentileMillis(r.sortedLatencies(), 0.99), warm.failed(),
                                    r.firstError() == null
                                            ? (warm.firstError() == null ? "-" : oneWord(warm.firstError()))
                                            : oneWord(r.firstError()),
                                    cpu));
                        }
                        case "quit" -> {
                            out.println("OK");
                            return;
                        }
                        default -> out.println("ERR unknown command " + cmd[0]);
                    }
                } catch (Exception e) {
                    out.println("ERR " + oneWord(e.toString()));
                }
            }
        }
    }

    /** One Kaizala TextMessageCreated delivery per request, each with a new eventId. */
    static java.util.function.Supplier<SimpleHttpRequest> events(String url, String token, AtomicLong ids) {
        return () -> SimpleRequestBuilder.post(url)
                .setHeader("kz-callback-token", token)
                .setBody(EventPayload.json("bench-" + ids.incrementAndGet()), ContentType.APPLICATION_JSON)
                .build();
    }

    private static String oneWord(String text) {
        return text.replaceAll("\\s+", "_");
    }
}

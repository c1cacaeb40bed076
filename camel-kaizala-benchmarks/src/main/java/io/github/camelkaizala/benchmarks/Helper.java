package io.github.camelkaizala.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelkaizala.simulator.KaizalaSimulator;

/** The {@link BenchHelper} child process (simulator and load generator), and the commands it takes. */
final class Helper implements AutoCloseable {

    private final Process process;
    private final BufferedReader in;
    private final PrintStream out;
    final String authUrl;
    /** The default connector's resource base, {@code http://127.0.0.1:PORT/kms-N/}. */
    final String endpointUrl;

    private Helper(Process process) throws IOException {
        this.process = process;
        this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the helper process did not start: " + ready);
        }
        String[] parts = ready.split(" ");
        this.authUrl = parts[1];
        this.endpointUrl = parts[2];
    }

    /** Starts a helper with the simulator's defaults, or {@code --ttl PT2S} and the like. */
    static Helper start(String... simulatorArgs) throws IOException {
        // the JDK HttpServer closes a connection once it holds 200 idle ones (sun.net.httpserver.maxIdleConnections):
        // with four clients of 64 connections each, pooled connections would be reset under the clients; and one idle
        // for 30 s (idleInterval), which a client waiting for its turn may well be
        List<String> command = Jvm.command(List.of("-Xms4g", "-Xmx4g", "-XX:+UseParallelGC",
                "-Dsun.net.httpserver.maxIdleConnections=2000", "-Dsun.net.httpserver.idleInterval=600"),
                BenchHelper.class);
        command.addAll(List.of(simulatorArgs));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new Helper(p);
    }

    String applicationId() {
        return KaizalaSimulator.DEFAULT_APPLICATION_ID;
    }

    String newGroup(String name) throws IOException {
        return ask("group " + name.replace(' ', '-'));
    }

    int messageCount(String groupId) throws IOException {
        return Integer.parseInt(ask("count " + groupId));
    }

    int tokenRequests() throws IOException {
        return Integer.parseInt(ask("tokens"));
    }

    void clearJournal() throws IOException {
        ask("clear");
    }

    void expireAccessTokens() throws IOException {
        ask("expire");
    }

    String issueAccessToken() throws IOException {
        return ask("token");
    }

    long cpuNanos() throws IOException {
        return Long.parseLong(ask("cpu"));
    }

    long mediaSize(String mediaResource) throws IOException {
        return Long.parseLong(ask("media " + mediaResource));
    }

    /** Sends one command and answers what follows {@code OK}; IOException on {@code ERR}. */
    synchronized String ask(String command) throws IOException {
        out.println(command);
        return expectOk(readLine(), command);
    }

    /** A load run: tells {@code started} once the warm-up is over and the measured run begins. */
    synchronized String[] load(String url, String token, int concurrency, long warmupMillis, long measureMillis,
            Runnable started) throws IOException {
        out.println("load " + url + " " + token + " " + concurrency + " " + warmupMillis + " " + measureMillis);
        String line = readLine();
        if (!"STARTED".equals(line)) {
            throw new IOException("load: " + line);
        }
        started.run();
        return expectOk(readLine(), "load").split(" ");
    }

    private String readLine() throws IOException {
        return in.readLine();
    }

    private static String expectOk(String line, String command) throws IOException {
        if (line == null) {
            throw new IOException("the helper process ended during: " + command);
        }
        if (line.equals("OK")) {
            return "";
        }
        if (line.startsWith("OK ")) {
            return line.substring(3);
        }
        throw new IOException(command + ": " + line);
    }

    @Override
    public void close() {
        try {
            ask("quit");
        } catch (IOException | RuntimeException e) {
            // gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static List<String> split(String line) {
        return new ArrayList<>(List.of(line.split(" ")));
    }
}

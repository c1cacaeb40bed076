package io.github.camelkaizala.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process of the test: its output (stderr merged) copied to a log file, lines starting with an upper-case
 * marker word ({@code READY}, {@code HOLDING}…) kept to wait for. Its standard input stays open: children stop by
 * themselves when it closes — when {@link #closeInput()} is called or the test JVM dies.
 */
public final class Child implements AutoCloseable {

    /** Runs a server under a watchdog: the server gets {@code $SIG} when our stdin closes or after {@code $MAX} s. */
    public static final String WATCHDOG = """
            "$@" &
            child=$!
            deadline=$((SECONDS + MAX))
            while kill -0 "$child" 2>/dev/null; do
              read -r -t 1 _; rc=$?
              if [ "$rc" -ne 0 ] && [ "$rc" -le 128 ]; then break; fi
              [ "$SECONDS" -lt "$deadline" ] || break
            done
            kill -s "$SIG" "$child" 2>/dev/null
            wait "$child"
            """;

    private static final Pattern MARKER = Pattern.compile("^[A-Z]{4,}\\b.*");

    public final String name;
    private final Process process;
    private final Path log;
    private final LinkedBlockingQueue<String> markers = new LinkedBlockingQueue<>();
    private final Deque<String> tail = new ArrayDeque<>();

    private Child(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread pump = new Thread(this::pump, "output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    public static Child start(String name, List<String> command, Path logDir) throws IOException {
        return start(name, command, logDir, null, null);
    }

    /** Under {@link #WATCHDOG}: {@code signal} (TERM, INT…) when stdin closes, at the latest after {@code max}. */
    public static Child startWatched(String name, List<String> command, Path logDir, String signal, Duration max)
            throws IOException {
        List<String> watched = new java.util.ArrayList<>(List.of("bash", "-c", WATCHDOG, "watchdog"));
        watched.addAll(command);
        return start(name, watched, logDir, signal, max);
    }

    private static Child start(String name, List<String> command, Path logDir, String signal, Duration max)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (signal != null) {
            builder.environment().put("SIG", signal);
            builder.environment().put("MAX", Long.toString(max.toSeconds()));
        }
        return new Child(name, builder.start(), log);
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 30) {
                        tail.removeFirst();
                    }
                }
                if (MARKER.matcher(line).matches()) {
                    markers.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits for a marker line matching {@code regex} (bounded); returns its first group, or the line. */
    public String await(String regex, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = markers.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = pattern.matcher(line);
                if (m.matches()) {
                    return m.groupCount() > 0 ? m.group(1) : line;
                }
            } else if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before '" + regex + "':\n"
                        + tail());
            }
        }
        throw new IllegalStateException(name + ": no '" + regex + "' within " + timeout + ":\n" + tail());
    }

    public String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Writes one line to its standard input (a command to an instance). */
    public void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Closes its standard input (a watched server, or an instance, stops then). */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Gracefully: SIGTERM (an instance) or closed input (a watched server); SIGKILL after {@code grace}. */
    public void stop(boolean bySigterm, Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        if (bySigterm) {
            process.destroy();
        } else {
            closeInput();
        }
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(true, Duration.ofSeconds(20));
    }
}

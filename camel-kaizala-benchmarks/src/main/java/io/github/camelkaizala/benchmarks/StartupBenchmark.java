package io.github.camelkaizala.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launches the example application (Camel Main, YAML and Java routes, its embedded simulator) as users run it, and
 * times it from the process start to Camel's "started" line and to its first "Posted the survey" line (the example's first message to Kaizala), where it
 * also reads the process's resident memory (VmRSS) and its peak so far (VmHWM) from /proc.
 */
final class StartupBenchmark {

    static final String MAIN = "io.github.camelkaizala.example.KaizalaExample";
    private static final Pattern STARTED = Pattern.compile("Apache Camel .* started in");

    record Figures(long camelStartedMillis, long firstMessageMillis, long rssKib, long hwmKib, long exitMillis,
            int exitCode, int messagesPosted) {}

    private final Settings settings;

    StartupBenchmark(Settings settings) {
        this.settings = settings;
    }

    List<Figures> run() throws Exception {
        List<Figures> runs = new ArrayList<>();
        for (int i = 0; i < settings.startupRuns(); i++) {
            Figures f = once();
            Log.info("startup: Camel started %d ms, first message %d ms, RSS %d MiB (peak %d MiB), exit %d after %d ms",
                    f.camelStartedMillis(), f.firstMessageMillis(), f.rssKib() / 1024, f.hwmKib() / 1024, f.exitCode(),
                    f.exitMillis());
            runs.add(f);
        }
        return runs;
    }

    private Figures once() throws Exception {
        List<String> command = new ArrayList<>(List.of(Jvm.java(), "-cp", Jvm.classPath(), MAIN));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long started = -1;
        long first = -1;
        long rss = -1;
        long hwm = -1;
        int posted = 0;
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                long at = (System.nanoTime() - start) / 1_000_000;
                output.append(line).append('\n');
                if (started < 0 && STARTED.matcher(line).find()) {
                    started = at;
                }
                if (line.contains("Posted the survey") || line.contains("Posted the results")) {
                    posted++;
                    if (first < 0) {
                        first = at;
                        rss = status(p.pid(), "VmRSS");
                        hwm = status(p.pid(), "VmHWM");
                    }
                }
            }
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the example did not exit:\n" + output);
        }
        long exit = (System.nanoTime() - start) / 1_000_000;
        if (first < 0) {
            throw new IllegalStateException("the example posted nothing (exit " + p.exitValue() + "):\n" + output);
        }
        return new Figures(started, first, rss, hwm, exit, p.exitValue(), posted);
    }

    /** A field of /proc/PID/status, in KiB; -1 when unreadable. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    Matcher m = Pattern.compile("(\\d+)").matcher(line);
                    return m.find() ? Long.parseLong(m.group(1)) : -1;
                }
            }
        } catch (IOException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }
}

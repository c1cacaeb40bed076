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

    /**
     * @param variant  the JVM options it ran with ({@link Variant})
     * @param cpuMillis CPU time the process had used (all its threads) when it printed its first message: unlike the
     *                  wall time, other processes do not inflate it
     */
    record Figures(Variant variant, long camelStartedMillis, long firstMessageMillis, long cpuMillis, long rssKib,
            long hwmKib, long exitMillis, int exitCode, int messagesPosted) {}

    /** JVM options the example is launched with: as users run it, and two known start-up aids of the JDK. */
    enum Variant {

        DEFAULT("default JVM options"),
        C1_ONLY("`-XX:TieredStopAtLevel=1` (C1 JIT only)"),
        APP_CDS("AppCDS: `-XX:SharedArchiveFile=…` (an archive of the classes a first run loaded)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private final Settings settings;

    StartupBenchmark(Settings settings) {
        this.settings = settings;
    }

    List<Figures> run() throws Exception {
        List<Figures> runs = new ArrayList<>();
        Path work = Files.createTempDirectory("kaizala-startup");
        Path archive = work.resolve("example.jsa");
        try {
            for (Variant variant : settings.full() ? Variant.values() : new Variant[]{Variant.DEFAULT}) {
                String classPath = Jvm.classPath();
                if (variant == Variant.APP_CDS) {
                    classPath = jarsOnly(classPath, work); // the JDK archives classes from jars only
                    once(variant, classPath, List.of("-XX:ArchiveClassesAtExit=" + archive)); // makes the archive
                }
                for (int i = 0; i < settings.startupRuns(); i++) {
                    Figures f = once(variant, classPath, variant == Variant.APP_CDS
                            ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on") // fails if the archive is unusable
                            : variant == Variant.C1_ONLY ? List.of("-XX:TieredStopAtLevel=1") : List.of());
                    Log.info(
                            "startup (%s): Camel started %d ms, first message %d ms (CPU %d ms), RSS %d MiB (peak %d MiB),"
                                    + " exit %d after %d ms",
                            variant, f.camelStartedMillis(), f.firstMessageMillis(),
                            f.cpuMillis(), f.rssKib() / 1024, f.hwmKib() / 1024, f.exitCode(), f.exitMillis());
                    runs.add(f);
                }
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return runs;
    }

    /** Logs the median and range of each variant's figures (the start-up scenario run alone). */
    static void logMedians(List<Figures> runs) {
        for (Variant v : Variant.values()) {
            List<Figures> of = runs.stream().filter(f -> f.variant() == v).toList();
            if (!of.isEmpty()) {
                Log.info("startup (%s), %d runs: Camel started %s ms, first message %s ms, CPU %s ms (median, range)",
                        v,
                        of.size(), medianAndRange(of, Figures::camelStartedMillis),
                        medianAndRange(of, Figures::firstMessageMillis), medianAndRange(of, Figures::cpuMillis));
            }
        }
    }

    private static String medianAndRange(List<Figures> runs, java.util.function.ToLongFunction<Figures> figure) {
        long[] sorted = runs.stream().mapToLong(figure).sorted().toArray();
        return sorted[sorted.length / 2] + " (" + sorted[0] + "–" + sorted[sorted.length - 1] + ")";
    }

    /** The class path with each directory (a module's target/classes) packed into a jar in {@code work}. */
    private static String jarsOnly(String classPath, Path work) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (!Files.isDirectory(dir)) {
                entries.add(entry);
                continue;
            }
            Path jar = work.resolve("classes-" + entries.size() + ".jar");
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    out.putNextEntry(new java.util.jar.JarEntry(dir.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private Figures once(Variant variant, String classPath, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jvm.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, MAIN));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long started = -1;
        long first = -1;
        long cpu = -1;
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
                        cpu = cpuMillis(p.pid());
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
        return new Figures(variant, started, first, cpu, rss, hwm, exit, p.exitValue(), posted);
    }

    /** User and system CPU time of a process so far, from /proc/PID/stat (in clock ticks of 10 ms); -1 when unknown. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime: fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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

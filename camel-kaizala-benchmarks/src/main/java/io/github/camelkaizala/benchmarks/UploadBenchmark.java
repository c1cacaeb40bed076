package io.github.camelkaizala.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Heap needed to upload a small and a large generated stream through {@code kaizala:media/upload}, in a small-heap JVM. */
final class UploadBenchmark {

    record Figures(String route, long size, long liveMidUpload, long maxAfterGc, long peakUsed, long millis,
            long stored) {

        double mibPerSecond() {
            return size / 1048576.0 / (millis / 1000.0);
        }
    }

    record Results(String heap, List<Figures> uploads, String output) {}

    private final Settings settings;

    UploadBenchmark(Settings settings) {
        this.settings = settings;
    }

    Results run(Helper helper) throws Exception {
        List<String> command = Jvm.command(List.of("-Xms" + settings.uploadHeap(), "-Xmx" + settings.uploadHeap()),
                UploadProbe.class);
        command.add(helper.authUrl);
        command.add("streaming:" + settings.smallUpload());
        command.add("streaming:" + settings.largeUpload());
        command.add("defaults:" + settings.smallUpload());
        command.add("defaults:" + settings.cachedUpload());
        Log.info("upload: %s in a JVM with -Xmx%s", command.subList(command.size() - 4, command.size()),
                settings.uploadHeap());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Figures> uploads = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                output.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    uploads.add(new Figures(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                            Long.parseLong(f[5]), Long.parseLong(f[6]), helper.mediaSize(f[7])));
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0 || uploads.size() != 4) {
            throw new IllegalStateException("the upload probe failed (exit " + p.exitValue() + "):\n" + output);
        }
        uploads.forEach(
                u -> Log.info("  %s %,d bytes: live mid-upload %,d, max after GC %,d, peak used %,d, %d ms, stored %,d",
                        u.route(), u.size(), u.liveMidUpload(), u.maxAfterGc(), u.peakUsed(), u.millis(), u.stored()));
        return new Results(settings.uploadHeap(), uploads, output.toString());
    }
}

package io.github.camelkaizala.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelkaizala.benchmarks.BenchmarkMain.Results;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every scenario of the harness with tiny counts ({@link Settings#smokeRun()}), in about half a minute, and checks
 * that each produced sane figures: every message stored, every event routed once, one token call per expiry, the big
 * upload stored whole with a flat heap, allocation figures, the example started. It does not judge speed: the full run
 * ({@code -Pbenchmarks}) does, and writes docs/benchmarks.md.
 */
class BenchmarkSmokeTest {

    @Test
    void everyScenarioRunsAndProducesSaneFigures() throws Exception {
        Results r = BenchmarkMain.run(Settings.smokeRun());

        // producer: every client at every concurrency sent, without errors, and the simulator stored all of it
        assertThat(r.producer().byConcurrency()).containsOnlyKeys(1, 16, 64);
        r.producer().byConcurrency().forEach((concurrency, row) -> {
            assertThat(row).containsOnlyKeys(MessageClient.Kind.values());
            row.values().forEach(f -> {
                assertThat(f.errors()).as(f.client() + " errors at " + concurrency + ": " + f.firstError()).isZero();
                assertThat(f.messages()).as(f.client() + " at " + concurrency).isPositive();
                assertThat(f.p99()).isGreaterThanOrEqualTo(f.p50()).isPositive();
                assertThat(f.clientCpuMicros()).isPositive();
            });
        });
        assertThat(r.producer().ratios(16, MessageClient.Kind.KAIZALA, MessageClient.Kind.HTTPCLIENT5)).isNotEmpty()
                .doesNotContain(0.0, Double.NaN);
        r.producer().sentAndStored().forEach((kind, sentStored) -> assertThat(sentStored[1])
                .as(kind + ": stored by the simulator").isEqualTo(sentStored[0]).isPositive());
        assertThat(r.producer().ceiling()).allSatisfy(f -> {
            assertThat(f.errors()).isZero();
            assertThat(f.messages()).isPositive();
        });

        // consumer: every route took every delivery answered 2xx, once; duplicates and wrong tokens are refused
        r.consumer().byConcurrency().values().forEach(row -> row.values().forEach(f -> {
            assertThat(f.failed()).as(f.route() + ": " + f.firstError()).isZero();
            assertThat(f.events()).as(f.route().label).isPositive();
        }));
        assertThat(r.consumer().ratios(16, ConsumerBenchmark.Route.KAIZALA)).isNotEmpty()
                .doesNotContain(0.0, Double.NaN);
        r.consumer().sentAndRouted().forEach((route, sentRouted) -> assertThat(sentRouted[1]).as(route + ": routed")
                .isEqualTo(sentRouted[0]).isPositive());
        assertThat(r.consumer().duplicateDropped()).isTrue();
        assertThat(r.consumer().wrongTokenRefused()).isTrue();

        // tokens: one token-service call per scenario, no exchange failed
        assertThat(r.tokens()).hasSize(3).allSatisfy(t -> {
            assertThat(t.tokenCalls()).as(t.scenario()).isEqualTo(1);
            assertThat(t.failed()).as(t.scenario() + ": " + t.firstError()).isZero();
            assertThat(t.sent()).isGreaterThanOrEqualTo(t.exchanges());
        });

        // memory: every upload stored whole; streaming keeps the heap flat; stream caching does not
        assertThat(r.upload().uploads()).hasSize(4).allSatisfy(u -> assertThat(u.stored()).isEqualTo(u.size()));
        UploadBenchmark.Figures small = r.upload().uploads().get(0);
        UploadBenchmark.Figures large = r.upload().uploads().get(1);
        UploadBenchmark.Figures cached = r.upload().uploads().get(3);
        assertThat(large.size()).isGreaterThan(small.size());
        assertThat(large.liveMidUpload() - small.liveMidUpload()).isLessThan(4 * Settings.MIB);
        assertThat(cached.liveMidUpload() - small.liveMidUpload()).isGreaterThan(cached.size() / 4);

        // JMH: bytes per message and per event were measured
        assertThat(r.jmh().send()).containsOnlyKeys(MessageClient.Kind.values());
        assertThat(r.jmh().send().values()).allSatisfy(f -> assertThat(f.bytesPerMessage()).isGreaterThan(1000));
        assertThat(r.jmh().events()).containsOnlyKeys(ConsumerBenchmark.Route.values());
        assertThat(r.jmh().events().values()).allSatisfy(f -> {
            assertThat(f.bytesPerEvent()).isPositive();
            assertThat(f.cpuNanosPerEvent()).isPositive();
        });

        // start-up: the example posted its survey and its results, and exited
        assertThat(r.startup()).singleElement().satisfies(s -> {
            assertThat(s.exitCode()).isZero();
            assertThat(s.messagesPosted()).isEqualTo(2);
            assertThat(s.firstMessageMillis()).isGreaterThan(s.camelStartedMillis()).isPositive();
            assertThat(s.rssKib()).isPositive();
        });

        // the report renders, with every section and the targets
        String markdown = Report.render(r, "(smoke run)");
        Path report = Path.of("target", "benchmarks-smoke.md");
        Files.writeString(report, markdown, StandardCharsets.UTF_8);
        assertThat(markdown).contains("## Targets", "## 1. Producer", "## 2. Consumer", "## 3. Tokens", "## 4. Memory",
                "## 5. Start-up", "## 6. Profiling", "## Closing note", "smoke run");
    }
}

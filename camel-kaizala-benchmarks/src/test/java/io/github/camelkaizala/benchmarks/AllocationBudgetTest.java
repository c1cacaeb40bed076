package io.github.camelkaizala.benchmarks;

import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes allocated per message sent through {@code from("direct:send").to("kaizala:messages?groupId=…")}, against the
 * budget committed in {@code allocation-budget.properties}: a change that makes every message allocate more fails the
 * build. Allocation is counted by the JVM per thread ({@link Allocation}), so unlike throughput it does not depend on
 * how busy the machine is; the simulator runs in another process and is not counted. The budget is on the bytes
 * <em>beyond</em> what the bare HttpClient 5 client allocates for the same message, measured in the same run, so that
 * a JDK or HttpClient that allocates differently moves both figures alike.
 */
class AllocationBudgetTest {

    /** Enough for the JIT to settle the hot path, and runs long enough that a stray allocation averages out. */
    private static final int WARMUP = 3000;
    private static final int MESSAGES = 1000;
    private static final int RUNS = 5;

    @Test
    void aSentMessageAllocatesNoMoreThanTheBudget() throws Exception {
        Properties budget = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/allocation-budget.properties")) {
            budget.load(in);
        }
        long extraBudget = Long.parseLong(budget.getProperty("kaizala.extraBytesPerMessage"));

        double bare;
        double kaizala;
        try (Helper helper = Helper.start()) {
            String token = helper.issueAccessToken();
            bare = median(MessageClient.Kind.HTTPCLIENT5, helper, token);
            kaizala = median(MessageClient.Kind.KAIZALA, helper, token);
        }
        double extra = kaizala - bare;
        String figures = String.format(Locale.ROOT, "kaizala: route %.0f B/message, bare HttpClient 5 %.0f B/message:"
                + " %.0f B beyond the bare client (%.2f×), budget %d B", kaizala, bare, extra, kaizala / bare,
                extraBudget);
        System.out.println("allocation per message: " + figures);
        // a sanity check of the meter itself: a message allocates kilobytes in any HTTP client
        assertThat(bare).as(figures).isGreaterThan(1000);
        assertThat(extra).as("%s. A change made every message allocate more: find it with JFR's allocation samples"
                + " (see docs/benchmarks.md), or raise the budget in allocation-budget.properties if it is worth it",
                figures).isLessThanOrEqualTo(extraBudget);
    }

    private static double median(MessageClient.Kind kind, Helper helper, String token) throws Exception {
        try (MessageClient client = kind.create(new MessageClient.Target(helper.authUrl, helper.endpointUrl,
                helper.newGroup("allocation-" + kind.name()), token))) {
            double[] runs = Allocation.perMessage(client, WARMUP, MESSAGES, RUNS);
            return runs[RUNS / 2];
        }
    }
}

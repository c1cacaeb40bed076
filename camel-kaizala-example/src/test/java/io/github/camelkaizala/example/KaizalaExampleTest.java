package io.github.camelkaizala.example;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as a newcomer runs it: no configuration, the embedded simulator, the survey scenario, then it exits. */
class KaizalaExampleTest {

    @Test
    void theSurveyScenarioRunsEndToEndAndExits() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        try {
            KaizalaExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);

        assertThat(output).contains("running on the embedded Kaizala simulator");
        assertThat(output).contains("[group] +15550100002 answers on their phone: Store 23, Needs attention");
        assertThat(output).contains("What the group 'Field Sales North' shows now:");
        assertThat(output).contains("[Survey] Weekly stock check — 3 responses");
        assertThat(output).contains("[message] Weekly stock check, shelf condition: Good 2, Needs attention 1");
        // the survey goes out as soon as Camel has started (the timer's delay is 0): the webhook subscription must be
        // in place by then, or the members' answers would have nowhere to go
        assertThat(output.indexOf("Created Kaizala webhook")).isPositive()
                .isLessThan(output.indexOf("Posted the survey 'Weekly stock check'"));
        assertThat(output).contains("INFO scenario - Posted the results to the group: "
                + "'Weekly stock check, shelf condition: Good 2, Needs attention 1'");
        assertThat(System.nanoTime() - start).isLessThan(60_000_000_000L);
    }
}

package io.github.camelkaizala.example;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as a newcomer runs it: no configuration, the embedded simulator, six messages, then it exits. */
class KaizalaExampleTest {

    @Test
    void theExampleSendsSixMessagesThroughTheYamlAndJavaRoutesAndExits() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            KaizalaExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);

        assertThat(output).contains("using the embedded Kaizala simulator");
        assertThat(output).contains("The simulated Kaizala group now holds 6 message(s):");
        for (int i = 1; i <= 3; i++) {
            assertThat(output).contains("Hello from a YAML route, message " + i);
            assertThat(output).contains("Hello from a Java route, message " + i);
        }
    }
}

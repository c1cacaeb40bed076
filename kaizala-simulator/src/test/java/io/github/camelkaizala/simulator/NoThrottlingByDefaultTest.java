package io.github.camelkaizala.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoThrottlingByDefaultTest extends SimulatorTestSupport {

    @Test
    void manyCallsPass() {
        for (int i = 0; i < 120; i++) {
            assertThat(api("GET", "/groups", null).status()).isEqualTo(200);
        }
    }
}

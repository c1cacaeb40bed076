package io.github.camelkaizala.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainTest {

    @Test
    void parsesOptionsAndStarts() {
        try (KaizalaSimulator sim = Main.parse(new String[] {"--port", "0", "--access-token-ttl", "PT1H", "--throttling", "1,2"}).start()) {
            assertThat(sim.port()).isPositive();
            assertThat(sim.authUrl()).startsWith("http://127.0.0.1:");
        }
        assertThat(Main.parse(new String[] {"--throttling"})).isNotNull();
        assertThatThrownBy(() -> Main.parse(new String[] {"--port"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.parse(new String[] {"--access-token-ttl", "1h"})).isInstanceOf(IllegalArgumentException.class);
    }
}

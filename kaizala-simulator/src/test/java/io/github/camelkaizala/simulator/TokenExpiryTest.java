package io.github.camelkaizala.simulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenExpiryTest extends SimulatorTestSupport {

    @Override
    KaizalaSimulator.Builder builder() {
        return KaizalaSimulator.builder().accessTokenTtl(Duration.ofMillis(300));
    }

    @Test
    void accessTokensExpireAfterTheTtl() throws InterruptedException {
        Reply r = defaultAccessToken();
        long expiry = r.json().get("accessTokenExpiry").asLong();
        assertThat(expiry).isBetween(Instant.now().toEpochMilli(), Instant.now().plusMillis(400).toEpochMilli());
        token = r.json().get("accessToken").asText();
        assertThat(api("GET", "/groups", null).status()).isEqualTo(200);

        long deadline = System.currentTimeMillis() + 3000;
        int status = 200;
        while (status == 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            status = api("GET", "/groups", null).status();
        }
        assertThat(status).isEqualTo(401);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(expiry);
    }
}

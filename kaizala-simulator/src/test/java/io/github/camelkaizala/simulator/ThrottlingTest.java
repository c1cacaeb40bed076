package io.github.camelkaizala.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlingTest extends SimulatorTestSupport {

    @Override
    KaizalaSimulator.Builder builder() {
        return KaizalaSimulator.builder().throttling(3, 5);
    }

    @Test
    void perConnectorLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(api("GET", "/groups", null).status()).isEqualTo(200);
        }
        Reply throttled = api("GET", "/groups", null);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
        assertThat(throttled.json().get("errorCode").asText()).isEqualTo("TooManyRequests");
        // the token service is not throttled
        assertThat(defaultAccessToken().status()).isEqualTo(200);
    }

    @Test
    void perTenantLimitAcrossConnectors() {
        sim.registerConnector("app-2", "secret-2", "rt-2");
        sim.registerConnector("app-3", "secret-3", "rt-3", "other-tenant");
        String second = sim.issueAccessToken("app-2");
        for (int i = 0; i < 3; i++) {
            assertThat(api("GET", "/groups", null).status()).isEqualTo(200);
        }
        assertThat(send("GET", sim.endpointUrl("app-2") + "v1/groups", null, "accessToken", second).status())
                .isEqualTo(200);
        assertThat(send("GET", sim.endpointUrl("app-2") + "v1/groups", null, "accessToken", second).status())
                .isEqualTo(200);
        assertThat(send("GET", sim.endpointUrl("app-2") + "v1/groups", null, "accessToken", second).status())
                .isEqualTo(429);

        String third = sim.issueAccessToken("app-3");
        assertThat(send("GET", sim.endpointUrl("app-3") + "v1/groups", null, "accessToken", third).status())
                .isEqualTo(200);
    }
}

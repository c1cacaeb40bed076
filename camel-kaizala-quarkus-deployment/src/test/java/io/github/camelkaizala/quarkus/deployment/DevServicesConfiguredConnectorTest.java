package io.github.camelkaizala.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An application that configures its own Kaizala connector gets no simulator: its settings stay as they are. */
class DevServicesConfiguredConnectorTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("camel.component.kaizala.application-id", "my-connector")
            .overrideConfigKey("camel.component.kaizala.auth-url", "https://kaizala.example/v1");

    @Test
    void aConfiguredConnectorKeepsItsSettingsAndNoSimulatorStarts() {
        assertThat(ConfigProvider.getConfig().getValue("camel.component.kaizala.auth-url", String.class))
                .isEqualTo("https://kaizala.example/v1");
        assertThat(ConfigProvider.getConfig().getOptionalValue("kaizala.devservices.group-id", String.class)).isEmpty();
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.kaizala.refresh-token", String.class))
                .isEmpty();
    }
}

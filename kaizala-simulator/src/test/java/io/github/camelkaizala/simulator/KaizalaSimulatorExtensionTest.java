package io.github.camelkaizala.simulator;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.DefaultComponent;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KaizalaSimulatorTest}: a started simulator injected, and the {@code kaizala} component of a CamelContext
 * (plain, as CamelTestSupport builds it, and Camel Main's) pointed at it. A stand-in component named
 * {@code kaizala} takes the options here (the real one is tried in the component's own tests).
 */
@KaizalaSimulatorTest(groupIdSuffix = "@1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KaizalaSimulatorExtensionTest {

    static KaizalaSimulator forTheClass;
    KaizalaSimulator simulator;

    /** Options as the kaizala component has them. */
    public static final class StandIn extends DefaultComponent {

        private String authUrl;
        private String applicationId;
        private String applicationSecret;
        private String refreshToken;

        public void setAuthUrl(String authUrl) {
            this.authUrl = authUrl;
        }

        public void setApplicationId(String applicationId) {
            this.applicationId = applicationId;
        }

        public void setApplicationSecret(String applicationSecret) {
            this.applicationSecret = applicationSecret;
        }

        public void setRefreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
        }

        Map<String, String> settings() {
            return Map.of("camel.component.kaizala.authUrl", authUrl, "camel.component.kaizala.applicationId",
                    applicationId,
                    "camel.component.kaizala.applicationSecret", applicationSecret,
                    "camel.component.kaizala.refreshToken", refreshToken);
        }

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            throw new UnsupportedOperationException("a stand-in");
        }
    }

    @Test
    @Order(1)
    void aStartedSimulatorIsInjectedIntoFieldsAndParameters(KaizalaSimulator parameter) {
        assertThat(simulator).isNotNull().isSameAs(parameter).isSameAs(forTheClass);
        assertThat(simulator.port()).isPositive();
        assertThat(simulator.state().createGroup("Team").id()).endsWith("@1");
        assertThat(SimulatorTestSupport.send("GET", simulator.authUrl() + "/accessToken", null).status())
                .isEqualTo(401);
        assertThat(simulator.journal().all()).hasSize(1);
    }

    @Test
    @Order(2)
    void eachTestStartsWithAnEmptyJournalAndTheClassesGroups() {
        assertThat(simulator.journal().all()).isEmpty();
        assertThat(simulator.state().groups()).extracting(Group::name).containsExactly("Team");
    }

    @Test
    void theComponentPropertiesAreSystemPropertiesForCamelMainSpringBootAndPlaceholders() {
        simulator.componentProperties()
                .forEach((name, value) -> assertThat(System.getProperty(name)).as(name).isEqualTo(value));
        assertThat(simulator.componentProperties()).containsEntry("camel.component.kaizala.authUrl",
                simulator.authUrl());
    }

    @Test
    void aCamelContextsKaizalaComponentGetsTheSimulatorsSettingsAsItIsAdded() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            StandIn component = new StandIn();
            context.addComponent("kaizala", component);
            assertThat(component.settings()).isEqualTo(simulator.componentProperties());

            StandIn other = new StandIn();
            context.addComponent("other", other);
            assertThat(other.authUrl).isNull();
        }
    }

    @Test
    void camelMainsKaizalaComponentGetsTheSimulatorsSettings() throws Exception {
        Main main = new Main();
        StandIn component = new StandIn();
        main.bind("kaizala", component);
        main.configure().setDurationMaxSeconds(1);
        main.start();
        try {
            assertThat(main.getCamelContext().getComponent("kaizala")).isSameAs(component);
            assertThat(component.settings()).isEqualTo(simulator.componentProperties());
        } finally {
            main.stop();
        }
    }
}

package org.apache.camel.component.kaizala.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration on its own: switched off by its property, and the metadata IDEs read. */
class KaizalaComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, KaizalaComponentConverter.class,
                    KaizalaComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.kaizala.application-id = my-connector");

    @Test
    void propertiesAreAppliedToTheComponent() {
        runner.run(context -> assertThat(applicationId(context.getBean(CamelContext.class))).isEqualTo("my-connector"));
    }

    @Test
    void enabledFalseLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.kaizala.enabled = false").run(context -> {
            assertThat(context).doesNotHaveBean(KaizalaComponentAutoConfiguration.class);
            assertThat(applicationId(context.getBean(CamelContext.class))).isNull();
        });
    }

    @Test
    void everyComponentOptionHasDescribedMetadata() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode catalog = read(json, "META-INF/org/apache/camel/component/kaizala/kaizala.json");
        Map<String, String> metadata = new HashMap<>();
        read(json, "META-INF/spring-configuration-metadata.json").path("properties")
                .forEach(p -> metadata.put(p.path("name").asText(), p.path("description").asText()));

        assertThat(metadata).containsKey("camel.component.kaizala.enabled");
        catalog.path("componentProperties").properties().forEach(option -> {
            String key = "camel.component.kaizala." + option.getKey().replaceAll("([A-Z])", "-$1").toLowerCase();
            assertThat(metadata).as(key).containsEntry(key, option.getValue().path("description").asText());
        });
        assertThat(metadata).containsKeys("camel.component.kaizala.application-secret",
                "camel.component.kaizala.token-store", "camel.component.kaizala.webhook-external-url");
    }

    private static String applicationId(CamelContext camelContext) {
        return camelContext.getComponent("kaizala", KaizalaComponent.class).getConfiguration().getApplicationId();
    }

    private static JsonNode read(ObjectMapper json, String resource) throws Exception {
        try (InputStream in = KaizalaComponentAutoConfigurationTest.class.getClassLoader()
                .getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return json.readTree(in);
        }
    }
}

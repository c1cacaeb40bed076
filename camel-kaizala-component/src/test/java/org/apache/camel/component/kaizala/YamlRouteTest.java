package org.apache.camel.component.kaizala;

import java.util.Properties;

import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YamlRouteTest extends KaizalaTestSupport {

    @Test
    void aYamlRouteSendsAMessage() throws Exception {
        String groupId = newGroup("YAML");
        Properties properties = new Properties();
        properties.setProperty("kaizala.group-id", groupId);
        context.getPropertiesComponent().setOverrideProperties(properties);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/send-message.yaml"));

        String referenceId = template.requestBody("direct:yaml", "Hello from YAML", String.class);

        var stored = simulator.state().group(groupId).orElseThrow().messages();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).text()).isEqualTo("Hello from YAML");
        assertThat(referenceId).isEqualTo(stored.get(0).referenceId());
        assertThat(simulator.journal().matching("POST", "/groups/.*/messages").get(0).body())
                .isEqualTo("{\"message\":\"Hello from YAML\"}");
    }
}

package org.apache.camel.component.kaizala;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configurers and URI factory that camel-package-maven-plugin generates are compiled into the jar and are what
 * Camel uses (not its reflection fallback), and the catalog JSON documents the options with their secrets marked.
 */
class GeneratedCodeTest extends KaizalaTestSupport {

    @Test
    void camelUsesTheGeneratedConfigurers() {
        KaizalaComponent component = context.getComponent("kaizala", KaizalaComponent.class);
        assertThat(component.getComponentPropertyConfigurer()).isInstanceOf(KaizalaComponentConfigurer.class);
        assertThat(component.getEndpointPropertyConfigurer()).isInstanceOf(KaizalaEndpointConfigurer.class);

        PropertyConfigurer resolved = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("kaizala-endpoint", context);
        assertThat(resolved).isInstanceOf(KaizalaEndpointConfigurer.class);
    }

    @Test
    void camelUsesTheGeneratedUriFactory() {
        assertThat(context.getCamelContextExtension().getEndpointUriFactory("kaizala"))
                .isInstanceOf(KaizalaEndpointUriFactory.class);
        KaizalaEndpoint endpoint = context.getEndpoint("kaizala:messages?groupId=g1&maxMessageLength=1000",
                KaizalaEndpoint.class);
        assertThat(endpoint.getConfiguration().getGroupId()).isEqualTo("g1");
        assertThat(endpoint.getConfiguration().getMaxMessageLength()).isEqualTo(1000);
    }

    @Test
    void componentOptionsAreTheEndpointDefaults() {
        KaizalaComponent component = context.getComponent("kaizala", KaizalaComponent.class);
        component.getConfiguration().setGroupId("default-group");
        KaizalaEndpoint endpoint = context.getEndpoint("kaizala:messages/send", KaizalaEndpoint.class);
        KaizalaEndpoint overridden = context.getEndpoint("kaizala:messages/send?groupId=other", KaizalaEndpoint.class);
        assertThat(endpoint.getConfiguration().getGroupId()).isEqualTo("default-group");
        assertThat(overridden.getConfiguration().getGroupId()).isEqualTo("other");
        assertThat(component.getConfiguration().getGroupId()).isEqualTo("default-group");
    }

    @Test
    void theCatalogMarksEverySecret() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass()
                .getResourceAsStream("/META-INF/org/apache/camel/component/kaizala/kaizala.json")) {
            assertThat(in).isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
        assertThat(catalog.at("/component/scheme").asText()).isEqualTo("kaizala");
        for (String secret : new String[]{"applicationSecret", "refreshToken", "accessToken"}) {
            assertThat(catalog.at("/properties/" + secret + "/secret").asBoolean()).as(secret).isTrue();
            assertThat(catalog.at("/componentProperties/" + secret + "/secret").asBoolean()).as(secret).isTrue();
        }
        assertThat(catalog.at("/headers/CamelKaizalaGroupId/description").asText()).isNotBlank();
        assertThat(catalog.at("/properties/connectTimeout/defaultValue").asText()).isEqualTo("15000");
    }
}

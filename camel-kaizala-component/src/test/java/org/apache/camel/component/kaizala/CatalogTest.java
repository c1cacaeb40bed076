package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated catalog as tooling reads it (Kaoto, IDE plugins, {@code CamelCatalog}): every description exactly as
 * written in the source, the operation path enum equal to the operation table, only existing operations accepted, and
 * the component's declared traits (async endpoint, support level, autowired token store, component.properties).
 */
class CatalogTest {

    private static final String JSON = "META-INF/org/apache/camel/component/kaizala/kaizala.json";

    private final CamelCatalog catalog = catalog();

    private static CamelCatalog catalog() {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("kaizala", KaizalaComponent.class.getName(), read(JSON));
        return catalog;
    }

    private ComponentModel model() {
        return catalog.componentModel("kaizala");
    }

    @Test
    void everyDescriptionIsTheSourceTextUnchanged() throws IOException {
        Map<String, String> sources = sourceDescriptions();
        Map<String, String> catalogued = new LinkedHashMap<>();
        Stream.of(model().getComponentOptions(), model().getEndpointOptions(), model().getEndpointHeaders())
                .flatMap(List::stream)
                .filter(option -> sources.containsKey(option.getName()))
                .forEach(option -> catalogued.put(option.getName(), option.getDescription()));
        assertThat(catalogued.keySet()).as("options and headers of our own classes found in the catalog")
                .containsAll(sources.keySet());
        SoftAssertions softly = new SoftAssertions();
        catalogued.forEach((name, description) -> softly.assertThat(description).as("catalog description of %s", name)
                .isEqualTo(sources.get(name)));
        softly.assertThat(model().getDescription()).as("the component's description").isEqualTo(endpointJavadoc());
        softly.assertAll();
    }

    /** Each option's, path's and header's description as the source declares it (whitespace folded). */
    private static Map<String, String> sourceDescriptions() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Field field : KaizalaConfiguration.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            if (param != null) {
                sources.put(field.getName(), fold(param.description()));
            }
        }
        for (Field field : KaizalaComponent.class.getDeclaredFields()) {
            Metadata metadata = field.getAnnotation(Metadata.class);
            if (metadata != null && !metadata.description().isEmpty()) {
                sources.put(field.getName(), fold(metadata.description()));
            }
        }
        for (Field field : KaizalaEndpoint.class.getDeclaredFields()) {
            UriPath path = field.getAnnotation(UriPath.class);
            if (path != null) {
                sources.put(field.getName(), fold(path.description()));
            }
        }
        for (Field field : KaizalaConstants.class.getDeclaredFields()) {
            Metadata metadata = field.getAnnotation(Metadata.class);
            if (metadata != null) {
                try {
                    sources.put((String) field.get(null), fold(metadata.description()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return sources;
    }

    /** The catalog takes the component's description from KaizalaEndpoint's class javadoc. */
    private static String endpointJavadoc() throws IOException {
        String source = Files
                .readString(Path.of("src/main/java/org/apache/camel/component/kaizala/KaizalaEndpoint.java"));
        Matcher javadoc = Pattern.compile("(?s)/\\*\\*(.*?)\\*/\\s*@UriEndpoint").matcher(source);
        assertThat(javadoc.find()).as("KaizalaEndpoint's class javadoc").isTrue();
        return fold(javadoc.group(1).replaceAll("(?m)^\\s*\\*", " "));
    }

    private static String fold(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    @Test
    void theOperationEnumIsTheOperationTable() {
        BaseOptionModel path = model().getEndpointPathOptions().stream()
                .filter(option -> option.getName().equals("operation")).findFirst().orElseThrow();
        Set<String> expected = new LinkedHashSet<>();
        for (KaizalaOperation operation : KaizalaOperation.values()) {
            expected.add(operation.id());
        }
        expected.addAll(List.of("messages", "media", "events")); // the short forms, and the consumer
        assertThat(path.getEnums()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(model().getEndpointPathOptions()).as("one path option").hasSize(1);
        // the short forms name the resource's default operation
        assertThat(KaizalaOperation.fromId("messages")).isEqualTo(KaizalaOperation.MESSAGES_SEND);
        assertThat(KaizalaOperation.fromId("media")).isEqualTo(KaizalaOperation.MEDIA_UPLOAD);
    }

    @Test
    void theCatalogAcceptsEveryOperationAndRejectsEveryPairThatDoesNotExist() {
        Set<String> resources = new LinkedHashSet<>();
        Set<String> operations = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        for (KaizalaOperation operation : KaizalaOperation.values()) {
            resources.add(operation.resource());
            operations.add(operation.operation());
            ids.add(operation.id());
        }
        for (String resource : resources) {
            for (String operation : operations) {
                String id = resource + "/" + operation;
                EndpointValidationResult result = catalog.validateEndpointProperties("kaizala:" + id);
                assertThat(result.isSuccess())
                        .as("catalog verdict on kaizala:%s: %s", id, result.summaryErrorMessage(false))
                        .isEqualTo(ids.contains(id));
            }
        }
        for (String valid : List.of("kaizala:messages", "kaizala:media", "kaizala:events?groupId=g1",
                "kaizala:messages/send?groupId=g1")) {
            assertThat(catalog.validateEndpointProperties(valid).isSuccess()).as(valid).isTrue();
        }
        assertThat(catalog.validateEndpointProperties("kaizala:messages/poll").getInvalidEnum())
                .containsKey("operation");
        assertThat(catalog.validateEndpointProperties("kaizala:auth/survey").isSuccess()).isFalse();
    }

    @Test
    void theComponentDeclaresWhatItIs() {
        assertThat(model().isAsync()).as("async (the producer is an AsyncProcessor)").isTrue();
        assertThat(model().getSupportLevel()).hasToString("Preview");
        assertThat(model().getComponentOptions()).filteredOn(option -> option.getName().equals("tokenStore"))
                .singleElement().satisfies(option -> assertThat(option.isAutowired()).isTrue());
    }

    @Test
    void theJarListsItsComponentLikeEveryCamelComponentJar() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/services/org/apache/camel/component.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("components")).isEqualTo("kaizala");
        assertThat(properties.getProperty("artifactId")).isEqualTo("camel-kaizala");
    }

    private static InputStream resource(String name) {
        InputStream in = CatalogTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name + " on the classpath").isNotNull();
        return in;
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraalVM native images built without Quarkus (a Camel Main application through native-image, Spring Boot AOT) need
 * reflection registered for the classes Jackson binds: the jar carries
 * META-INF/native-image/io.github.camelkaizala/camel-kaizala/reflect-config.json, which native-image reads from the
 * classpath. It must list every class of the model and event packages (a new model class added without it would fail
 * only in a native build), with constructors, methods and fields. (Under Quarkus the camel-kaizala-quarkus extension
 * registers the same classes from the Jandex index and excludes this file; JacksonReflectionTest checks that one.)
 */
class NativeImageConfigTest {

    static final String CONFIG = "/META-INF/native-image/io.github.camelkaizala/camel-kaizala/reflect-config.json";

    @Test
    void everyModelAndEventClassIsRegisteredForReflection() throws IOException {
        JsonNode config;
        try (InputStream in = getClass().getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            config = new ObjectMapper().readTree(in);
        }
        List<String> registered = new ArrayList<>();
        for (JsonNode entry : config) {
            String name = entry.get("name").asText();
            registered.add(name);
            for (String flag : List.of("allDeclaredConstructors", "allDeclaredMethods", "allDeclaredFields")) {
                assertThat(entry.path(flag).asBoolean()).as(name + " " + flag).isTrue();
            }
        }
        List<String> expected = new ArrayList<>();
        for (String pkg : List.of("model", "event")) {
            Path dir = Path.of("target/classes/org/apache/camel/component/kaizala", pkg);
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".class") && !f.matches(".*\\$\\d+\\.class"))
                        .map(f -> "org.apache.camel.component.kaizala." + pkg + "." + f.replace(".class", ""))
                        .forEach(expected::add);
            }
        }
        assertThat(registered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }
}

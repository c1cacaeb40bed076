package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets against the rules apache/camel-kamelets' validator (script/validator/validator.go) applies to every
 * Kamelet of its catalog — file name, type label, definition, property titles and descriptions, credentials
 * descriptors, annotations, duplicates, dependencies of the template's URIs, declared = used parameters — plus
 * ours: the version is the build's, the media types are declared, and the repository's kamelets/ holds exactly what
 * the jar holds. One difference: the validator requires the provider "Apache Software Foundation", which these
 * Kamelets are not from; they must name a provider.
 */
class KameletValidationTest {

    /** The validator's parameter pattern: {{name}}, {{?name}}, {{name:default}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?:[:][^}]*)?}}");
    private static final Pattern URI_SCHEME = Pattern.compile("^([a-z][a-z0-9-]*):");
    /** Words a property title may leave in lower case (the validator drops English stop words before its check). */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in",
            "into",
            "of", "on", "or", "the", "to", "with");
    private static final Path REPOSITORY_KAMELETS = Path.of("..", "kamelets");
    private static final Path JAR_KAMELETS = Path.of("target", "classes", "kamelets");

    @Test
    void everyKameletFollowsTheCatalogRules() throws IOException {
        String version = projectVersion();
        List<String> errors = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        List<Path> files = kamelets(JAR_KAMELETS);
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder("kaizala-sink.kamelet.yaml", "kaizala-source.kamelet.yaml");
        for (Path file : files) {
            Map<String, Object> kamelet = yaml(Files.readString(file));
            validate(file.getFileName().toString(), kamelet, version, errors);
            Map<String, Object> definition = map(map(kamelet, "spec"), "definition");
            if (!titles.add(String.valueOf(definition.get("title")))) {
                errors.add(file + ": duplicate title " + definition.get("title"));
            }
            if (!descriptions.add(String.valueOf(definition.get("description")))) {
                errors.add(file + ": duplicate description");
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void theRepositoryKameletsAreTheJarKamelets() throws IOException {
        List<Path> jar = kamelets(JAR_KAMELETS);
        assertThat(kamelets(REPOSITORY_KAMELETS)).extracting(f -> f.getFileName().toString())
                .as("kamelets/ in the repository (the build writes it from src/main/kamelets)")
                .containsExactlyInAnyOrderElementsOf(jar.stream().map(f -> f.getFileName().toString()).toList());
        for (Path file : jar) {
            assertThat(REPOSITORY_KAMELETS.resolve(file.getFileName())).hasSameTextualContentAs(file);
        }
    }

    @Test
    void theValidatorRulesCatchBrokenKamelets() throws IOException {
        String version = projectVersion();
        String good = Files.readString(JAR_KAMELETS.resolve("kaizala-sink.kamelet.yaml"));
        Map<String, String> breakages = new LinkedHashMap<>();
        breakages.put("icon annotation", good.replaceFirst("camel.apache.org/kamelet.icon", "x-icon"));
        breakages.put("camel:kamelet", good.replace("- \"camel:kamelet\"", "- \"camel:log\""));
        breakages.put("Sink", good.replace("title: \"Kaizala Sink\"", "title: \"Kaizala Poster\""));
        breakages.put("never used", good.replace("groupId: \"{{groupId}}\"", "groupId: \"fixed\""));
        breakages.put("urn:camel:group:credentials", good.replaceFirst("- urn:camel:group:credentials", "- urn:other"));
        breakages.put("version", good.replace(version, "0.0.1"));
        breakages.put("The ", good.replace("title: Group Id", "title: The Group Id"));
        breakages.put("types", good.replace("mediaType: text/plain", "other: text/plain"));
        breakages.forEach((rule, text) -> {
            assertThat(text).as(rule).isNotEqualTo(good);
            List<String> errors = new ArrayList<>();
            validate("kaizala-sink.kamelet.yaml", yaml(text), version, errors);
            assertThat(errors).as(rule).anySatisfy(e -> assertThat(e).contains(rule));
        });
    }

    private static void validate(String fileName, Map<String, Object> kamelet, String version, List<String> errors) {
        Map<String, Object> metadata = map(kamelet, "metadata");
        Map<String, Object> annotations = map(metadata, "annotations");
        Map<String, Object> spec = map(kamelet, "spec");
        Map<String, Object> definition = map(spec, "definition");
        Map<String, Object> properties = map(definition, "properties");
        String name = String.valueOf(metadata.get("name"));
        String type = String.valueOf(map(metadata, "labels").get("camel.apache.org/kamelet.type"));

        check(errors,
                ("camel.apache.org/v1").equals(kamelet.get("apiVersion")) && "Kamelet".equals(kamelet.get("kind")),
                name + ": not a camel.apache.org/v1 Kamelet");
        check(errors, fileName.equals(name + ".kamelet.yaml"), fileName + " does not match the Kamelet's name " + name);
        check(errors, Set.of("source", "sink", "action").contains(type) && name.endsWith("-" + type),
                name + ": invalid camel.apache.org/kamelet.type " + type + " or name not ending with it");
        String capitalizedType = type.isEmpty() ? "" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        String title = String.valueOf(definition.getOrDefault("title", ""));
        check(errors, !title.isBlank() && title.endsWith(capitalizedType),
                name + ": title must end with " + capitalizedType);
        check(errors, !String.valueOf(definition.getOrDefault("description", "")).isBlank(), name + ": no description");
        check(errors, "object".equals(definition.get("type")), name + ": definition is not of type object");
        List<Object> required = list(definition.get("required"));
        check(errors, new HashSet<>(required).size() == required.size(),
                name + ": a required property is listed twice");
        required.forEach(
                r -> check(errors, properties.containsKey(r), name + ": required property " + r + " is not defined"));
        properties.forEach((key, value) -> {
            Map<String, Object> property = cast(value);
            String propertyTitle = String.valueOf(property.getOrDefault("title", ""));
            check(errors, property.get("type") != null, name + "." + key + ": no type");
            check(errors, !propertyTitle.isBlank(), name + "." + key + ": no title");
            for (String prefix : List.of("The ", "A ", "An ")) {
                check(errors, !propertyTitle.startsWith(prefix),
                        name + "." + key + ": title starts with \"" + prefix + "\"");
            }
            for (String word : propertyTitle.split(" ")) {
                check(errors,
                        word.isEmpty() || STOP_WORDS.contains(word.toLowerCase())
                                || !Character.isLowerCase(word.charAt(0)),
                        name + "." + key + ": non-capitalized word in the title: " + word);
            }
            check(errors, !String.valueOf(property.getOrDefault("description", "")).isBlank(),
                    name + "." + key + ": no description");
            check(errors, !"password".equals(property.get("format"))
                    || list(property.get("x-descriptors")).contains("urn:camel:group:credentials"),
                    name + "." + key + ": password format without descriptor urn:camel:group:credentials");
        });

        String icon = String.valueOf(annotations.getOrDefault("camel.apache.org/kamelet.icon", ""));
        check(errors, icon.startsWith("data:image/svg+xml;base64,")
                && new String(Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)), StandardCharsets.UTF_8)
                        .startsWith("<svg"),
                name + ": no camel.apache.org/kamelet.icon annotation (an SVG data URI)");
        check(errors, version.equals(annotations.get("camel.apache.org/catalog.version")),
                name + ": camel.apache.org/catalog.version is not the project version " + version);
        check(errors, !String.valueOf(annotations.getOrDefault("camel.apache.org/provider", "")).isBlank(),
                name + ": no camel.apache.org/provider annotation");

        Map<String, Object> template = map(spec, "template");
        Set<String> used = new TreeSet<>();
        Set<String> schemes = new TreeSet<>();
        scan(template, used, schemes);
        check(errors, used.equals(properties.keySet()),
                name + ": parameters declared " + new TreeSet<>(properties.keySet()) + " but used " + used
                        + " (a parameter declared but never used, or used but not declared)");
        List<Object> dependencies = list(spec.get("dependencies"));
        for (String scheme : schemes) {
            String dependency = switch (scheme) {
                case "kaizala" -> "mvn:io.github.camelkaizala:camel-kaizala:" + version;
                default -> "camel:" + scheme;
            };
            check(errors, dependencies.contains(dependency), name + " needs dependency " + dependency + " (version)");
        }
        String slot = "source".equals(type) ? "out" : "in";
        check(errors, map(map(spec, "types"), slot).get("mediaType") != null,
                name + ": no types/" + slot + "/mediaType");
    }

    /** Collects the {{parameters}} of every string of the template and the schemes of its uri: / to: / from: values. */
    private static void scan(Object node, Set<String> parameters, Set<String> schemes) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (("uri".equals(key) || "to".equals(key) || "from".equals(key)) && value instanceof String uri) {
                    Matcher scheme = URI_SCHEME.matcher(uri);
                    if (scheme.find()) {
                        schemes.add(scheme.group(1));
                    }
                }
                scan(value, parameters, schemes);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> scan(item, parameters, schemes));
        } else if (node instanceof String text) {
            Matcher parameter = PARAMETER.matcher(text);
            while (parameter.find()) {
                parameters.add(parameter.group(1));
            }
        }
    }

    private static void check(List<String> errors, boolean condition, String error) {
        if (!condition) {
            errors.add(error);
        }
    }

    private static String projectVersion() throws IOException {
        try (InputStream in = KameletValidationTest.class
                .getResourceAsStream("/META-INF/org/apache/camel/component/kaizala/kaizala.json")) {
            return new ObjectMapper().readTree(in).path("component").path("version").asText();
        }
    }

    private static List<Path> kamelets(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
    }

    private static Map<String, Object> yaml(String text) {
        return cast(new Load(LoadSettings.builder().build()).loadFromString(text));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : cast(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}

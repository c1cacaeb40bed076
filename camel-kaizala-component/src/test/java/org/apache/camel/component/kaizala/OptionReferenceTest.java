package org.apache.camel.component.kaizala;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/options.md is made from the catalog JSON the build generates (options, headers) and from the
 * operation table: this test renders it and fails when the committed page differs, so the page cannot drift from the
 * code. {@code -Dkaizala.docs.update=true} rewrites the page.
 */
class OptionReferenceTest {

    static final String PAGE = "docs/reference/options.md";

    @Test
    void theOptionReferenceMatchesTheCode() throws Exception {
        String rendered = render();
        Path page = DocSnippetsTest.projectRoot().resolve(PAGE);
        if (Boolean.getBoolean("kaizala.docs.update")) {
            Files.createDirectories(page.getParent());
            Files.writeString(page, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "")
                .as(PAGE + " is out of date; regenerate it with: mvn -B -ntp -pl camel-kaizala-component -am test"
                        + " -Dtest=OptionReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dkaizala.docs.update=true")
                .isEqualTo(rendered);
    }

    static String render() throws Exception {
        JsonNode catalog;
        try (InputStream in = OptionReferenceTest.class
                .getResourceAsStream("/META-INF/org/apache/camel/component/kaizala/kaizala.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        StringBuilder md = new StringBuilder();
        md.append("# Option reference\n\n")
                .append("Generated from the Camel catalog JSON that the build produces (`kaizala.json`) and from the operation\n")
                .append("table (`KaizalaOperation`); `OptionReferenceTest` fails the build when this page is out of date.\n")
                .append("Durations take milliseconds or a text such as `15s`. Options marked *secret* are masked wherever Camel\n")
                .append("prints a URI. A header wins over the endpoint option of the same meaning.\n\n")
                .append("URI syntax: `").append(catalog.at("/component/syntax").asText()).append("`\n\n");

        md.append(
                "## Operations\n\n| operation | HTTP | path | query | answer | paged |\n| --- | --- | --- | --- | --- | --- |\n");
        for (KaizalaOperation operation : KaizalaOperation.values()) {
            md.append("| `").append(operation.id()).append("` | ").append(operation.method()).append(" | ")
                    .append(operation.pathTemplate() == null ? "–"
                            : "`" + (operation.isTokenService() ? "{authUrl}" : "")
                                    + operation.pathTemplate() + "`")
                    .append(" | ")
                    .append(operation.queryParameters().isEmpty() ? "–"
                            : String.join(", ", operation.queryParameters()))
                    .append(" | `").append(operation.answerType().getSimpleName()).append("` | ")
                    .append(operation.isPaged() ? "yes" : "").append(" |\n");
        }
        md.append("\n`kaizala:events` is the consumer (see [the consumer guide](../consumer.md)).\n");

        md.append(
                "\n## Component options\n\nSet once for every endpoint, e.g. `camel.component.kaizala.application-id=...`.\n\n");
        table(md, catalog.get("componentProperties"), false);
        md.append("\n## Endpoint options\n\nOn the URI; they override the component's.\n");
        Map<String, List<Map.Entry<String, JsonNode>>> byGroup = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            byGroup.computeIfAbsent(option.getValue().path("group").asText("common"), g -> new ArrayList<>())
                    .add(option);
        }
        for (Map.Entry<String, List<Map.Entry<String, JsonNode>>> group : byGroup.entrySet()) {
            md.append("\n### ").append(group.getKey()).append("\n\n");
            var node = new ObjectMapper().createObjectNode();
            group.getValue().forEach(e -> node.set(e.getKey(), e.getValue()));
            table(md, node, true);
        }
        md.append("\n## Headers\n\n| header | type | group | description |\n| --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            md.append("| `").append(header.getKey()).append("` | ").append(shortType(header.getValue())).append(" | ")
                    .append(header.getValue().path("group").asText("common")).append(" | ")
                    .append(cell(header.getValue().path("description").asText())).append(" |\n");
        }
        return md.toString();
    }

    private static void table(StringBuilder md, JsonNode options, boolean showKind) {
        md.append("| option | type | default | description |\n| --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            String name = "`" + option.getKey() + "`"
                    + ("path".equals(o.path("kind").asText()) && showKind ? " (path)" : "")
                    + (o.path("required").asBoolean() ? " *required*" : "")
                    + (o.path("secret").asBoolean() ? " *secret*" : "");
            String values = o.has("enum") ? " One of: " + String.join(", ", iterable(o.get("enum"))) + "." : "";
            md.append("| ").append(name).append(" | ").append(shortType(o)).append(" | ")
                    .append(o.has("defaultValue") ? "`" + o.get("defaultValue").asText() + "`" : "").append(" | ")
                    .append(cell(o.path("description").asText() + values)).append(" |\n");
        }
    }

    private static List<String> iterable(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String shortType(JsonNode option) {
        String javaType = option.path("javaType").asText();
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

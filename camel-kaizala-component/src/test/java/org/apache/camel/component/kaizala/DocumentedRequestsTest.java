package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.model.ActionCreatedResponse;
import org.apache.camel.component.kaizala.model.Survey;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every request sample of the API reference (docs/kaizala-api/README.md), copied as it is into a route as a JSON
 * string, a {@code Map} and a {@code JsonNode}: the component accepts it, validates it, and Kaizala (the simulator)
 * receives exactly the sample. The samples are read from the reference itself, so a changed sample is tested as it
 * changes.
 */
class DocumentedRequestsTest extends KaizalaTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REFERENCE = Path.of("..", "docs", "kaizala-api", "README.md");

    /**
     * Where a sample sits: the operation, the reference's section, which ```json block of it (0 = first; -1 the inline
     * "Job example", -2 the body of the section's ```http request).
     */
    private record Sample(String uri, String section, int block) {}

    /** Every operation with a request body, with its sample (the responses' samples are the blocks left out). */
    private static final List<Sample> SAMPLES = List.of(
            new Sample("auth/generatePin", "2.4", -2), // the body of its ```http request
            new Sample("auth/refreshToken", "2.5", 0),
            new Sample("groups/create", "3.1", 0),
            new Sample("subgroups/create", "4.2", 0),
            new Sample("subgroups/add", "4.3", 0),
            new Sample("members/add", "5.2", 0),
            new Sample("members/updateRole", "5.4", 0),
            new Sample("subscribers/list", "6.1", 0),
            new Sample("subscribers/add", "6.2", 0),
            new Sample("subscribers/remove", "6.2", 0), // §6.3: "same request shape as §6.2"
            new Sample("messages/send", "7.1", 0),
            new Sample("media/send", "8.2", 0),
            new Sample("actions/survey", "9.5", 0),
            new Sample("actions/job", "9.6", 0),
            new Sample("actions/poll", "9.7", 0),
            new Sample("actions/letsMeet", "9.8", 0),
            new Sample("actions/announcement", "9.9", 0),
            new Sample("actions/custom", "9.10", 0),
            new Sample("actions/custom", "9.11", 0),
            new Sample("responses/survey", "10.1", 0),
            new Sample("responses/job", "10.1", -1), // the inline "Job example"
            new Sample("reactions/add", "11.1", 0),
            new Sample("webhooks/subscribe", "12.3", 0),
            new Sample("webhooks/update", "12.5", 0));

    /**
     * The vendor's own request examples ({@code x-ms-example} of swagger.json's request definitions), by definition.
     * Their {@code {{placeholders}}} are filled in; Kaizala receives them with the reference's spelling of each key
     * (§14: {@code message}, not swagger's {@code Message}; {@code actionType}, not {@code actiontype}), so they are
     * compared with key case ignored.
     */
    private static final Map<String, String> SWAGGER_SAMPLES = Map.ofEntries(
            Map.entry("Request - Generate pin", "auth/generatePin"),
            Map.entry("Request - Refresh Token", "auth/refreshToken"),
            Map.entry("Request - Create a managed public group", "groups/create"),
            Map.entry("Request - Add group as a subGroup to another group", "subgroups/add"),
            Map.entry("Request - Add members to a group", "members/add"),
            Map.entry("Request - Remove subscribers", "subscribers/remove"),
            Map.entry("Request - SendMessageOnAGroup", "messages/send"),
            Map.entry("Request - SendMessageToSubscriber(s)InAPublicGroup", "messages/send"),
            Map.entry("Request - SendImageOnAGroup", "media/send"),
            Map.entry("Request - SendSurveyOnAGroup", "actions/survey"),
            Map.entry("Request - PostAJobOnAGroup", "actions/job"),
            Map.entry("Request - PostCustomAnnouncementToAGroup", "actions/announcement"),
            Map.entry("Request - PostCustomAnnouncementToAGroup[withImages]", "actions/announcement"),
            Map.entry("Request - PostCustomActionOnAGroup", "actions/custom"),
            Map.entry("Request - PostCustomActionToAGroup[withProperties]", "actions/custom"),
            Map.entry("Request - Send Custom Action To Subscriber(s)", "actions/custom"),
            Map.entry("Request - PostingAResponseToAnAction", "responses/custom"),
            Map.entry("Request - SubscribeToAllEventsAtGroupLevel", "webhooks/subscribe"),
            Map.entry("Request - SubscribeToAllEventsAtActionLevel", "webhooks/subscribe"),
            Map.entry("Request - SubscribeToAllEventsAtActionLevelWithActionPackageId", "webhooks/subscribe"));

    private String groupId;

    @TestFactory
    Stream<DynamicTest> everySwaggerExampleIsSentWithTheReferencesSpelling() throws IOException {
        JsonNode definitions = new ObjectMapper()
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_UNQUOTED_CONTROL_CHARS)
                .readTree(Path.of("..", "docs", "kaizala-api", "swagger.json").toFile()).get("definitions");
        List<String> withExamples = new ArrayList<>();
        definitions.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("Request") && definitions.get(name).has("x-ms-example")) {
                withExamples.add(name);
            }
        });
        assertThat(SWAGGER_SAMPLES.keySet()).as("every request example of swagger.json")
                .containsExactlyInAnyOrderElementsOf(withExamples);
        return withExamples.stream().map(name -> dynamicTest(SWAGGER_SAMPLES.get(name) + " swagger " + name, () -> {
            String json = filledIn(definitions.get(name).get("x-ms-example").toString());
            JsonNode sent = sendAndCapture(SWAGGER_SAMPLES.get(name), json, JSON.readTree(json));
            assertThat(keysInLowerCase(sent)).as("what Kaizala received, key case ignored")
                    .isEqualTo(keysInLowerCase(JSON.readTree(json)));
        }));
    }

    private String filledIn(String json) {
        pathParameters();
        return json.replace("{{mobile-number}}", "+15550100001").replace("{{mobile-number-2}}", "+15550100002")
                .replace("{{mobile-number-3}}", "+15550100003").replace("{{test-group-id}}", groupId)
                .replace("{{test-sub-group-id}}", "24f16ce5-8d50-4843-96ea-62ac78091520")
                .replace("{{test-action-id}}", "456eafb5-fc71-4b66-b94d-58e6c4f0a227")
                .replace("{{application-id}}", "5C1E0B7A9D2F4E6B8A3C");
    }

    private static JsonNode keysInLowerCase(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode lower = JSON.createObjectNode();
            node.fields().forEachRemaining(
                    e -> lower.set(e.getKey().toLowerCase(java.util.Locale.ROOT), keysInLowerCase(e.getValue())));
            return lower;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = JSON.createArrayNode();
            node.forEach(item -> array.add(keysInLowerCase(item)));
            return array;
        }
        return node;
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsSentAsDocumented() {
        return SAMPLES.stream().flatMap(sample -> {
            String json = sampleText(sample);
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(dynamicTest(sample.uri() + " §" + sample.section() + " as a Map",
                    () -> assertSentAsDocumented(sample, json, JSON.readValue(json, Map.class))));
            tests.add(dynamicTest(sample.uri() + " §" + sample.section() + " as a JsonNode",
                    () -> assertSentAsDocumented(sample, json, JSON.readTree(json))));
            if (!sample.uri().equals("messages/send")) { // there a String is always the text to post (docs/operations.md)
                tests.add(dynamicTest(sample.uri() + " §" + sample.section() + " as a JSON string",
                        () -> assertSentAsDocumented(sample, json, json)));
            }
            return tests.stream();
        });
    }

    private void assertSentAsDocumented(Sample sample, String json, Object body) throws IOException {
        assertThat(sendAndCapture(sample.uri(), json, body)).as("what Kaizala received for %s", sample.uri())
                .isEqualTo(JSON.readTree(json));
    }

    /** Sends {@code body} through kaizala:{@code uri} and answers the JSON Kaizala received for it. */
    private JsonNode sendAndCapture(String uri, String json, Object body) throws IOException {
        simulator.journal().clear();
        KaizalaOperation operation = KaizalaOperation.fromId(uri);
        Exchange exchange = send("kaizala:" + uri, body, pathParameters());
        if (exchange.getException() instanceof KaizalaValidationException refused) {
            throw new AssertionError(
                    "the documented request " + json + " was refused before sending: " + refused.getMessage(),
                    refused);
        }
        List<RecordedRequest> sent = simulator.journal().all().stream()
                .filter(r -> r.method().equals(operation.method()) && r.path().endsWith(lastSegment(operation)))
                .toList();
        assertThat(sent).as("requests of %s", uri).hasSize(1);
        return JSON.readTree(sent.get(0).body());
    }

    private Map<String, Object> pathParameters() {
        if (groupId == null) {
            groupId = simulator.state().createPublicGroup("Documented samples").id();
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(KaizalaConstants.GROUP_ID, groupId);
        headers.put(KaizalaConstants.MEMBER_ID, "fd261c71-cb14-4cd1-8435-2e687e6f156c");
        headers.put(KaizalaConstants.ACTION_ID, "456eafb5-fc71-4b66-b94d-58e6c4f0a227");
        headers.put(KaizalaConstants.WEBHOOK_ID, "9fcaaf4a-8c95-4c79-9a85-5e592ddc6c46");
        return headers;
    }

    private static String lastSegment(KaizalaOperation operation) {
        String path = operation.pathTemplate();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.startsWith("{") ? "" : last;
    }

    /** The sample's text, exactly as the reference prints it. */
    static String sampleText(Sample sample) {
        String reference;
        try {
            reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the API reference at " + REFERENCE.toAbsolutePath(), e);
        }
        Matcher heading = Pattern.compile("(?m)^### " + Pattern.quote(sample.section()) + " ").matcher(reference);
        assertThat(heading.find()).as("section %s in the reference", sample.section()).isTrue();
        int end = reference.indexOf("\n### ", heading.end());
        String section = reference.substring(heading.start(), end < 0 ? reference.length() : end);
        if (sample.block() == -1) {
            Matcher inline = Pattern.compile("Job example: `([^`]+)`").matcher(section);
            assertThat(inline.find()).as("the inline Job example of §%s", sample.section()).isTrue();
            return inline.group(1);
        }
        if (sample.block() == -2) {
            Matcher http = Pattern.compile("(?s)```http\\n.*?\\n\\n(.*?)```").matcher(section);
            assertThat(http.find()).as("the http request of §%s", sample.section()).isTrue();
            return http.group(1);
        }
        Matcher block = Pattern.compile("(?s)```json\\n(.*?)```").matcher(section);
        for (int i = 0; i <= sample.block(); i++) {
            assertThat(block.find()).as("json block %d of §%s", i, sample.section()).isTrue();
        }
        return block.group(1);
    }

    @Test
    void everyOperationWithABodyHasASample() {
        List<String> covered = SAMPLES.stream().map(Sample::uri).toList();
        assertThat(Stream.of(KaizalaOperation.values())
                .filter(op -> op.method().equals("POST") || op.method().equals("PUT"))
                .filter(op -> op != KaizalaOperation.MEDIA_UPLOAD) // multipart, not JSON (reference §8.1)
                .filter(op -> op != KaizalaOperation.RESPONSES_CUSTOM) // the reference prints no sample for it
                .map(KaizalaOperation::id))
                .allSatisfy(id -> assertThat(covered).contains(id));
    }

    @Test
    void aCustomResponseInTheDocumentedEnvelopeNamesItsPackage() throws IOException {
        String json = "{\"id\": \"com.contoso.kaizala.storeaudit\", \"responseId\": \"4d25cae1-a9cc-4319-b576-1a94b6d6fada\","
                + " \"actionBody\": {\"Answers\": [\"North\", 12]}}";
        assertSentAsDocumented(new Sample("responses/custom", "10.1", 0), json, json);
    }

    @Test
    void theEnvelopeIsValidatedByTheActionsOwnRules() {
        Exchange exchange = send("kaizala:actions/survey",
                "{\"actionType\": \"Survey\", \"actionBody\": {\"title\": \"No questions\"}}", pathParameters());
        assertThat(exchange.getException()).isInstanceOf(KaizalaValidationException.class)
                .hasMessageContaining("questions");
        assertThat(simulator.journal().all()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void anEnvelopeOfAnotherActionTypeIsRefusedWithTheOperationToUse() {
        Exchange exchange = send("kaizala:actions/survey",
                Map.of("actionType", "Job", "actionBody",
                        Map.of("title", "Restock", "assignedTo", List.of("+15550100001"))),
                pathParameters());
        assertThat(exchange.getException()).isInstanceOf(KaizalaValidationException.class)
                .hasMessageContaining("kaizala:actions/job");
    }

    @Test
    void aCustomEnvelopeWithABuiltInTypeIsRefused() {
        Exchange exchange = send("kaizala:actions/custom",
                "{\"actionType\": \"Poll\", \"actionBody\": {\"question\": \"?\"}}", pathParameters());
        assertThat(exchange.getException()).isInstanceOf(KaizalaValidationException.class)
                .hasMessageContaining("package id").hasMessageContaining("kaizala:actions/poll");
    }

    @Test
    void theFlattenedModelKeepsWorking() throws IOException {
        Survey survey = new Survey().title("Weekly stock check").questions(List.of(
                new org.apache.camel.component.kaizala.model.Question().title("Store code").type("Text")));
        Exchange exchange = send("kaizala:actions/survey", survey, pathParameters());
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isInstanceOf(ActionCreatedResponse.class);
        JsonNode sent = JSON.readTree(simulator.journal().matching("POST", ".*/actions").get(0).body());
        assertThat(sent.get("actionType").asText()).isEqualTo("Survey");
        assertThat(sent.get("actionBody").get("title").asText()).isEqualTo("Weekly stock check");
        assertThat(sent.get("actionBody").get("dueDate").asInt()).isEqualTo(24);
    }
}

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
    private record Sample(String uri, String section, int block) {
    }

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

    private String groupId;

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
        simulator.journal().clear();
        KaizalaOperation operation = KaizalaOperation.fromId(sample.uri());
        Exchange exchange = send("kaizala:" + sample.uri(), body, pathParameters());
        if (exchange.getException() instanceof KaizalaValidationException refused) {
            throw new AssertionError("the documented request was refused before sending: " + refused.getMessage(), refused);
        }
        List<RecordedRequest> sent = simulator.journal().all().stream()
                .filter(r -> r.method().equals(operation.method()) && r.path().endsWith(lastSegment(operation)))
                .toList();
        assertThat(sent).as("requests of %s", sample.uri()).hasSize(1);
        assertThat(JSON.readTree(sent.get(0).body())).as("what Kaizala received for %s", sample.uri())
                .isEqualTo(JSON.readTree(json));
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
                Map.of("actionType", "Job", "actionBody", Map.of("title", "Restock", "assignedTo", List.of("+15550100001"))),
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

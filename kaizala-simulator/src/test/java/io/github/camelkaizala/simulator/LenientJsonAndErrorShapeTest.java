package io.github.camelkaizala.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator reads request JSON as the real service's reader (Json.NET) did, and answers errors in the
 * service's shape {@code {"errorCode", "errorCategoryKey", "message"}} (reference §14 D71–D73).
 */
class LenientJsonAndErrorShapeTest extends SimulatorTestSupport {

    private static final String NBSP = "\u00a0";
    private static final String NARROW_NBSP = "\u202f";

    @Test
    void unicodeWhitespaceBetweenTokensIsSkippedAsTheVendorsSamplesNeedIt() {
        Group g = sim.state().createGroup("Field Sales");
        // indented as the vendor's article samples were: U+00A0 and U+202F, plus an em space and a line separator
        String body = "{" + NBSP + NBSP + "\"message\"" + NARROW_NBSP + ":" + NBSP + "\"hello" + NBSP + "there\""
                + "\u2003,\u2028\"sendToAllSubscribers\"" + NBSP + ":" + NBSP + "false" + NARROW_NBSP + "}";

        Reply r = api("POST", "/groups/" + g.id() + "/messages", body);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // inside a string the character is kept as sent
        assertThat(sim.state().group(g.id()).orElseThrow().messages().get(0).text())
                .isEqualTo("hello" + NBSP + "there");
    }

    @Test
    void unquotedKeysAreAccepted() {
        Group g = sim.state().createGroup("Field Sales");
        Reply r = api("POST", "/groups/" + g.id() + "/messages", "{message: \"unquoted\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(sim.state().group(g.id()).orElseThrow().messages().get(0).text()).isEqualTo("unquoted");
    }

    @Test
    void singleQuotedStringsAreAccepted() {
        Group g = sim.state().createGroup("Field Sales");
        Reply r = api("POST", "/groups/" + g.id() + "/messages", "{'message': 'it''s single'}".replace("''", "\\'"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(sim.state().group(g.id()).orElseThrow().messages().get(0).text()).isEqualTo("it's single");
    }

    @Test
    void fieldNamesMatchInAnyCase() {
        Reply r = api("POST", "/groups", "{\"NAME\": \"Loud\", \"WelcomeMessage\": \"hi\", \"groupTYPE\": \"Group\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(sim.state().group(r.json().get("groupId").asText()).orElseThrow().name()).isEqualTo("Loud");
    }

    @Test
    void createGroupTakesNameAsDocumentedNotGroupName() {
        Reply refused = api("POST", "/groups", "{\"groupName\": \"Team\", \"welcomeMessage\": \"hi\"}");
        assertErrorShape(refused, 400, "MissingField", "ValidationException");
        assertThat(refused.json().get("message").asText()).isEqualTo("'name' is required");
        Group parent = sim.state().createGroup("Parent");
        Reply sub = api("POST", "/groups/" + parent.id() + "/subgroups",
                "{\"groupName\": \"Child\", \"welcomeMessage\": \"hi\"}");
        assertThat(sub.status()).as(sub.body()).isEqualTo(200); // a sub-group takes either (§14 D13)
    }

    @Test
    void malformedJsonIsAValidationError() {
        Group g = sim.state().createGroup("Field Sales");
        assertErrorShape(api("POST", "/groups/" + g.id() + "/messages", "{\"message\": "), 400, "InvalidJson",
                "ValidationException");
    }

    @Test
    void anUnknownOrExpiredAccessTokenIsInvalidTokenInTheAuthCategory() {
        token = "at-never-issued";
        JsonNode unknown = assertErrorShape(api("GET", "/groups", null), 401, "InvalidToken", "AuthException");
        assertThat(unknown.get("message").asText()).startsWith("Invalid token.");

        token = sim.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        sim.expireAccessTokens();
        JsonNode expired = assertErrorShape(api("GET", "/groups", null), 401, "InvalidToken", "AuthException");
        assertThat(expired.get("message").asText()).startsWith("Invalid token.").contains("expired");
        assertThat(expired.toString()).doesNotContain(token);
    }

    @Test
    void wrongCredentialsAreInvalidCredentialsInTheAuthCategory() {
        assertErrorShape(
                accessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID, "wrong", KaizalaSimulator.DEFAULT_REFRESH_TOKEN),
                401, "InvalidCredentials", "AuthException");
    }

    @Test
    void everyOtherFamilyOfErrorsHasItsCategory() {
        Group g = sim.state().createGroup("Field Sales");
        assertErrorShape(api("POST", "/groups/" + g.id() + "/messages", "{}"), 400, "MissingField",
                "ValidationException");
        assertErrorShape(api("GET", "/groups/no-such-group", null), 404, "GroupNotFound", "NotFoundException");
        assertErrorShape(api("DELETE", "/groups", null), 405, "MethodNotAllowed", "NotFoundException");
        String stranger = accessTokenFor("+15550100777");
        token = stranger;
        assertErrorShape(api("GET", "/groups/" + g.id(), null), 403, "Forbidden", "AccessDeniedException");
        token = sim.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        sim.faults().next(1, "GET", "/groups", Fault.status(429).retryAfter("3"));
        assertErrorShape(api("GET", "/groups", null), 429, "TooManyRequests", "ThrottlingException");
        sim.faults().next(1, "GET", "/groups", Fault.status(503));
        assertErrorShape(api("GET", "/groups", null), 503, "ServiceUnavailable", "ServerException");
    }

    private static JsonNode assertErrorShape(Reply r, int status, String errorCode, String category) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode json = r.json();
        assertThat(json.get("errorCode").asText()).as(r.body()).isEqualTo(errorCode);
        assertThat(json.get("errorCategoryKey").asText()).as(r.body()).isEqualTo(category);
        assertThat(json.get("message").asText()).as(r.body()).isNotBlank();
        return json;
    }
}

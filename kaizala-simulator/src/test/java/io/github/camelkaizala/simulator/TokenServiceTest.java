package io.github.camelkaizala.simulator;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_APPLICATION_ID;
import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_APPLICATION_SECRET;
import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest extends SimulatorTestSupport {

    @Test
    void accessTokenAnswersTheDocumentedFields() {
        Reply r = defaultAccessToken();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode json = r.json();
        assertThat(json.get("accessToken").asText()).isNotBlank();
        assertThat(json.get("endpointUrl").asText()).isEqualTo(sim.endpointUrl())
                .isEqualTo(sim.baseUri() + "/kms-1/").endsWith("/");
        assertThat(json.get("accessTokenExpiry").asLong())
                .isBetween(Instant.now().plus(Duration.ofHours(23)).toEpochMilli(),
                        Instant.now().plus(Duration.ofHours(25)).toEpochMilli());
        assertThat(json.get("refreshToken").isNull()).isTrue();
        assertThat(json.get("scope").asText()).isEqualTo("token.write");
        assertThat(sim.authUrl()).isEqualTo(sim.baseUri() + "/v1");
        assertThat(sim.tokenRequests()).isEqualTo(1);

        token = json.get("accessToken").asText();
        assertThat(api("GET", "/groups", null).status()).isEqualTo(200);
    }

    @Test
    void wrongOrMissingCredentialsAre401WithoutEchoingTheSecret() {
        Reply bad = accessToken(DEFAULT_APPLICATION_ID, "not-the-secret-42", DEFAULT_REFRESH_TOKEN);
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().get("errorCode").asText()).isEqualTo("InvalidCredentials");
        assertThat(bad.json().get("message").asText()).isNotBlank();
        assertThat(bad.body()).doesNotContain("not-the-secret-42").doesNotContain(DEFAULT_REFRESH_TOKEN);

        assertThat(accessToken("unknown-app", DEFAULT_APPLICATION_SECRET, DEFAULT_REFRESH_TOKEN).status())
                .isEqualTo(401);
        assertThat(accessToken(DEFAULT_APPLICATION_ID, DEFAULT_APPLICATION_SECRET, "rt-unknown").status())
                .isEqualTo(401);
        assertThat(send("GET", sim.authUrl() + "/accessToken", null, "applicationId", DEFAULT_APPLICATION_ID).status())
                .isEqualTo(401);
        assertThat(sim.tokenRequests()).isZero();
        assertThat(sim.journal().count("GET", "/accessToken")).isEqualTo(4);
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Reply r = send("GET", sim.authUrl() + "/accessToken", null, "applicationid", DEFAULT_APPLICATION_ID,
                "APPLICATIONSECRET", DEFAULT_APPLICATION_SECRET, "refreshtoken", DEFAULT_REFRESH_TOKEN);
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void resourceCallsNeedAValidToken() {
        token = "at-forged";
        assertThat(api("GET", "/groups", null).status()).isEqualTo(401);
        Reply missing = send("GET", sim.endpointUrl() + "v1/groups", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("errorCode").asText()).isEqualTo("InvalidToken");
    }

    @Test
    void expireAccessTokensMakesEveryIssuedToken401() {
        String viaHttp = defaultAccessToken().json().get("accessToken").asText();
        sim.expireAccessTokens();

        assertThat(api("GET", "/groups", null).status()).isEqualTo(401);
        token = viaHttp;
        assertThat(api("GET", "/groups", null).status()).isEqualTo(401);
        token = defaultAccessToken().json().get("accessToken").asText();
        assertThat(api("GET", "/groups", null).status()).isEqualTo(200);
    }

    @Test
    void rotationHandsOutTheNewRefreshTokenOnceThenRefusesTheOldOne() {
        String next = sim.rotateRefreshToken(DEFAULT_APPLICATION_ID);

        Reply rotated = defaultAccessToken();
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("refreshToken").asText()).isEqualTo(next);

        assertThat(defaultAccessToken().status()).isEqualTo(401);
        Reply withNew = accessToken(DEFAULT_APPLICATION_ID, DEFAULT_APPLICATION_SECRET, next);
        assertThat(withNew.status()).isEqualTo(200);
        assertThat(withNew.json().get("refreshToken").isNull()).isTrue();
    }

    @Test
    void pinFlowGivesARefreshTokenThatReplacesTheUsersPreviousOne() {
        String mobile = "+15550100077";
        Reply pin = send("POST", sim.authUrl() + "/generatePin",
                "{\"mobileNumber\":\"" + mobile + "\",\"applicationId\":\"" + DEFAULT_APPLICATION_ID + "\"}");
        assertThat(pin.status()).isEqualTo(200);
        assertThat(pin.body()).isEqualTo("{}");

        String wrong = "{mobileNumber:'" + mobile + "', applicationId:'" + DEFAULT_APPLICATION_ID + "', pin: 1}";
        assertThat(send("POST", sim.authUrl() + "/loginWithPinAndApplicationId", wrong).status()).isEqualTo(401);

        // the PIN as a string binds too
        Reply login = send("POST", sim.authUrl() + "/loginWithPinAndApplicationId", "{\"MobileNumber\":\"" + mobile
                + "\",\"applicationId\":\"" + DEFAULT_APPLICATION_ID + "\",\"pin\":\"" + sim.lastPin(mobile) + "\"}");
        assertThat(login.status()).isEqualTo(200);
        String first = login.json().get("refreshToken").asText();
        assertThat(login.json().get("grantedScope").asText()).contains("textmessage.read");
        assertThat(login.json().get("refreshTokenExpiry").asLong())
                .isGreaterThan(Instant.now().plus(Duration.ofDays(364)).toEpochMilli());

        Reply access = accessToken(DEFAULT_APPLICATION_ID, DEFAULT_APPLICATION_SECRET, first);
        assertThat(access.status()).isEqualTo(200);

        String second = loginWithPin(mobile);
        assertThat(second).isNotEqualTo(first);
        assertThat(accessToken(DEFAULT_APPLICATION_ID, DEFAULT_APPLICATION_SECRET, first).status()).isEqualTo(401);
        assertThat(accessToken(DEFAULT_APPLICATION_ID, DEFAULT_APPLICATION_SECRET, second).status()).isEqualTo(200);
        // the default user's own refresh token is untouched
        assertThat(defaultAccessToken().status()).isEqualTo(200);
    }

    @Test
    void pinFlowValidatesItsInput() {
        assertThat(send("POST", sim.authUrl() + "/generatePin", "{\"mobileNumber\":\"12345\",\"applicationId\":\""
                + DEFAULT_APPLICATION_ID + "\"}").status()).isEqualTo(400);
        assertThat(send("POST", sim.authUrl() + "/generatePin", "{\"mobileNumber\":\"+15550100077\"}").status())
                .isEqualTo(400);
        assertThat(send("POST", sim.authUrl() + "/generatePin",
                "{\"mobileNumber\":\"+15550100077\",\"applicationId\":\"nope\"}")
                .status()).isEqualTo(401);
        assertThatThrownBy(() -> sim.lastPin("+15550100099")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherConnectorHasItsOwnCredentials() {
        sim.registerConnector("app-2", "secret-2", "rt-2");
        Reply r = accessToken("app-2", "secret-2", "rt-2");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("endpointUrl").asText()).isEqualTo(sim.endpointUrl("app-2"));
        assertThat(accessToken("app-2", DEFAULT_APPLICATION_SECRET, "rt-2").status()).isEqualTo(401);
        assertThat(accessToken(DEFAULT_APPLICATION_ID, DEFAULT_APPLICATION_SECRET, "rt-2").status()).isEqualTo(401);
        assertThatThrownBy(() -> sim.registerConnector("app-2", "x", "y")).isInstanceOf(IllegalArgumentException.class);
    }
}

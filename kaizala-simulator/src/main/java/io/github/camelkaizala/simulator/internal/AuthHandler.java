package io.github.camelkaizala.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** The token service under {@code /v1} (§2.4–2.6). */
public final class AuthHandler {

    private final TokenService tokens;

    public AuthHandler(TokenService tokens) {
        this.tokens = tokens;
    }

    public void routes(Router r) {
        r.add("GET", "/accessToken", this::accessToken);
        r.add("POST", "/generatePin", this::generatePin);
        r.add("POST", "/loginWithPinAndApplicationId", this::login);
    }

    private Response accessToken(Call c) {
        TokenService.TokenAnswer a = tokens.exchange(c.header("applicationId"), c.header("applicationSecret"),
                c.header("refreshToken"));
        return Response.ok(Json.obj(
                "accessToken", a.grant().accessToken(),
                "endpointUrl", a.endpointUrl(),
                "accessTokenExpiry", a.grant().expiresAt().toEpochMilli(),
                "refreshToken", a.rotatedRefreshToken(),
                "scope", TokenService.SCOPE));
    }

    private Response generatePin(Call c) {
        JsonNode body = c.body();
        String mobile = Json.requireMobile(Json.text(body, "mobileNumber", true), "mobileNumber");
        tokens.generatePin(mobile, Json.text(body, "applicationId", true));
        return Response.ok(Json.obj());
    }

    private Response login(Call c) {
        JsonNode body = c.body();
        String mobile = Json.requireMobile(Json.text(body, "mobileNumber", true), "mobileNumber");
        String applicationId = Json.text(body, "applicationId", true);
        Long pin = Json.number(body, "pin");
        if (pin == null) {
            throw Refusal.invalid("MissingField", "'pin' is required");
        }
        TokenService.RefreshAnswer a = tokens.login(mobile, applicationId, pin);
        return Response.ok(Json.obj(
                "refreshToken", a.refreshToken(),
                "grantedScope", TokenService.GRANTED_SCOPE,
                "refreshTokenExpiry", a.expiresAt().toEpochMilli()));
    }
}

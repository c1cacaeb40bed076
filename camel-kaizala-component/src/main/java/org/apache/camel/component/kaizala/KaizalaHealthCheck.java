package org.apache.camel.component.kaizala;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.kaizala.api.KaizalaSubscription;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.component.kaizala.internal.wire.TokenManager;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a Kaizala endpoint: its connector can obtain an access token (a cached valid token counts; otherwise
 * one is fetched, once for all checks), and for {@code kaizala:events}, its webhook is registered. Details carry no
 * secret: token validity, resource base, pacing, webhook id, and a failing token store (the connector stays up, but a
 * restart would present a retired refresh token).
 */
public class KaizalaHealthCheck extends AbstractHealthCheck {

    private static final long TOKEN_WAIT_SECONDS = 10;

    private final KaizalaEndpoint endpoint;
    private final KaizalaClient client;

    KaizalaHealthCheck(KaizalaEndpoint endpoint, KaizalaClient client, String kind) {
        super("camel", "kaizala-" + kind + "-" + endpoint.getId());
        this.endpoint = endpoint;
        this.client = client;
    }

    @Override
    public boolean isLiveness() {
        return false; // a connector that cannot get a token needs credentials, not a restart
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("endpoint", endpoint.toString());
        if (client.settings().missingCredentials() != null) {
            builder.message(client.settings().missingCredentials()).down();
            return;
        }
        try {
            client.ensureToken().get(TOKEN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            builder.message("no Kaizala access token: " + cause.getMessage()).error(cause);
        }
        TokenManager.Status token = client.tokenStatus();
        builder.detail("kaizala.token.valid", token.hasToken());
        builder.detail("kaizala.token.validUntil", token.validUntilMillis());
        if (token.endpointUrl() != null) {
            builder.detail("kaizala.endpointUrl", token.endpointUrl());
        }
        if (client.rateLimiter() != null) {
            builder.detail("kaizala.rateLimit.waiting", client.rateLimiter().waiting());
        }
        if (token.storeFailure() != null) { // the connector works, but a restart would present a retired token
            builder.detail("kaizala.tokenStore.failure", token.storeFailure());
            builder.message("Kaizala token store failing: " + token.storeFailure());
        }
        if (!token.hasToken()) {
            builder.down();
            return;
        }
        if (endpoint.isEvents() && endpoint.getConfiguration().isWebhookAutoRegister()) {
            KaizalaSubscription subscription = endpoint.getSubscription();
            if (subscription == null || subscription.webhookId() == null) {
                builder.message("the Kaizala webhook is not registered").down();
                return;
            }
            builder.detail("kaizala.webhookId", subscription.webhookId());
        }
        builder.up();
    }
}

package org.apache.camel.component.kaizala;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaSubscription;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.component.kaizala.internal.wire.TokenManager;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code kaizala} dev console: each connector in use (resource base, token validity, pacing) and each webhook the
 * consumers registered. No token or secret is shown.
 */
@DevConsole(name = "kaizala", displayName = "Kaizala", description = "Kaizala connectors, tokens, pacing and webhooks")
public class KaizalaDevConsole extends AbstractDevConsole {

    public KaizalaDevConsole() {
        super("camel", "kaizala", "Kaizala", "Kaizala connectors, tokens, pacing and webhooks");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> connector : connectors()) {
            text.append("Connector ").append(connector.get("applicationId")).append('\n');
            connector.forEach((key, value) -> text.append("    ").append(key).append(": ").append(value).append('\n'));
        }
        for (Map<String, Object> webhook : webhooks()) {
            text.append("Webhook ").append(webhook.get("webhookId")).append('\n');
            webhook.forEach((key, value) -> text.append("    ").append(key).append(": ").append(value).append('\n'));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        root.put("connectors", connectors().stream().map(JsonObject::new).toList());
        root.put("webhooks", webhooks().stream().map(JsonObject::new).toList());
        return root;
    }

    private List<Map<String, Object>> connectors() {
        List<Map<String, Object>> rows = new ArrayList<>();
        KaizalaComponent component = getCamelContext()
                .hasComponent(KaizalaConstants.SCHEME) instanceof KaizalaComponent k
                        ? k : null;
        if (component == null) {
            return rows;
        }
        for (KaizalaClient client : component.clients()) {
            TokenManager.Status token = client.tokenStatus();
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("applicationId", client.settings().applicationId());
            row.put("authUrl", client.settings().authUrl());
            row.put("endpointUrl", token.endpointUrl());
            row.put("fixedAccessToken", token.fixedToken());
            row.put("tokenValid", token.hasToken());
            row.put("tokenValidUntil", token.validUntilMillis() > 0 && token.validUntilMillis() < Long.MAX_VALUE
                    ? Instant.ofEpochMilli(token.validUntilMillis()).toString() : "");
            row.put("lastTokenFetch",
                    token.lastFetchMillis() > 0 ? Instant.ofEpochMilli(token.lastFetchMillis()).toString() : "");
            row.put("lastTokenFailure", token.lastFailure() == null ? "" : token.lastFailure());
            row.put("tokenStoreFailure", token.storeFailure() == null ? "" : token.storeFailure());
            row.put("rateLimitPermits", client.rateLimiter() == null ? 0 : client.rateLimiter().permits());
            row.put("rateLimitWaiting", client.rateLimiter() == null ? 0 : client.rateLimiter().waiting());
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, Object>> webhooks() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof KaizalaEndpoint kaizala && kaizala.getSubscription() != null) {
                KaizalaSubscription subscription = kaizala.getSubscription();
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("webhookId", subscription.webhookId());
                row.put("endpoint", kaizala.toString());
                row.put("createdByThisConsumer", subscription.created());
                rows.add(row);
            }
        }
        return rows;
    }
}

package org.apache.camel.component.kaizala.api;

import java.util.concurrent.CompletionStage;

/**
 * Paces the calls to Kaizala's resource API across every instance of an application, where the component's own
 * {@code rateLimit} paces one JVM only. Set one on the component ({@code rateLimiter} option), or bind a single bean of
 * this type in the registry: it is autowired. The per-JVM {@code rateLimit} still applies before it. The module
 * {@code camel-kaizala-cluster} ships one on PostgreSQL ({@code PostgresKaizalaRateLimiter}).
 */
@FunctionalInterface
public interface KaizalaRateLimiter {

    /**
     * Asks for one call of this connector.
     *
     * @param  connector the connector the call is for: its applicationId, or for a fixed access token a key derived
     *                   from it (never the token)
     * @return           completes when the call may be sent (at once while under the limits); completing exceptionally
     *                   fails the call with that error
     */
    CompletionStage<Void> acquire(String connector);
}

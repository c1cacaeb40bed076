package org.apache.camel.component.kaizala.api;

/** A consumer's webhook subscription as users see it (health checks, the dev console, tests). */
public interface KaizalaSubscription {

    /** The id Kaizala gave the subscription, or null before it is registered. */
    String webhookId();

    /** Whether this consumer created it (and so deletes it on stop) rather than reusing one. */
    boolean created();
}

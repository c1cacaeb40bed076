package org.apache.camel.component.kaizala.api;

/**
 * A lock shared by every instance of an application, held by the {@code kaizala:events} consumer while it looks for
 * its webhook subscription and creates it when missing, so that instances starting at the same instant create one
 * subscription between them (the others find it and reuse it). Set one on the component ({@code subscriptionLock}
 * option), or bind a single bean of this type in the registry: it is autowired. The module {@code camel-kaizala-cluster}
 * ships one on PostgreSQL ({@code PostgresSubscriptionLock}).
 */
@FunctionalInterface
public interface KaizalaSubscriptionLock {

    /**
     * Waits until no other instance holds the lock named {@code key}, then holds it until the returned handle is
     * closed. Throws when the lock cannot be had (the consumer then fails to start, saying why).
     *
     * @param key what is locked: {@code objectType:objectId} of the subscription
     */
    AutoCloseable lock(String key) throws Exception;
}

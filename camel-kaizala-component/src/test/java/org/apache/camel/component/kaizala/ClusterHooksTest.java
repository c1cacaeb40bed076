package org.apache.camel.component.kaizala;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaRateLimiter;
import org.apache.camel.component.kaizala.api.KaizalaSubscriptionLock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two hooks camel-kaizala-cluster plugs into, bound as plain beans in the registry (autowired by Camel): a shared rate limiter
 * asked once per resource call, which can also refuse a call before it is sent; a subscription lock held while the
 * consumer finds or creates its subscription.
 */
class ClusterHooksTest extends EventsTestSupport {

    private final List<String> acquired = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private volatile RuntimeException refusal;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("sharedLimiter", (KaizalaRateLimiter) connector -> {
            acquired.add(connector);
            return refusal != null ? CompletableFuture.failedFuture(refusal) : CompletableFuture.completedFuture(null);
        });
        context.getRegistry().bind("sharedLock", (KaizalaSubscriptionLock) key -> {
            events.add("lock " + key + " (subscriptions: " + simulator.state().webhooks().size() + ")");
            return () -> events.add("unlock " + key + " (subscriptions: " + simulator.state().webhooks().size() + ")");
        });
        // resolved by Camel (not added by hand) so that the beans above are autowired, as with Camel Main or Spring Boot
        context.removeComponent("kaizala");
        configure(context.getComponent("kaizala", KaizalaComponent.class).getConfiguration());
        return context;
    }

    @Test
    void theSharedLimiterIsAskedForEveryResourceCallWithTheConnector() {
        String groupId = newGroup("Paced");
        Exchange sent = send("kaizala:messages/send?groupId=" + groupId, "hello", java.util.Map.of());

        assertThat(sent.getException()).isNull();
        assertThat(context.getComponent("kaizala", KaizalaComponent.class).getRateLimiter()).isNotNull();
        // the token call is not paced (Kaizala counts resource calls), the message is
        assertThat(acquired).containsExactly(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        assertThat(simulator.journal().count("POST", "/groups/.+/messages")).isEqualTo(1);
    }

    @Test
    void aLimiterThatFailsFailsTheCallBeforeItIsSent() {
        String groupId = newGroup("Refused");
        refusal = new IllegalStateException("shared rate limiter unreachable");
        Exchange sent = send("kaizala:messages/send?groupId=" + groupId + "&maxRetries=0", "hello", java.util.Map.of());

        assertThat(sent.getException()).hasRootCauseMessage("shared rate limiter unreachable");
        assertThat(simulator.journal().count("POST", "/groups/.+/messages")).isZero();
    }

    @Test
    void theConsumerHoldsTheLockWhileItFindsOrCreatesItsSubscription() throws Exception {
        String groupId = newGroup("Locked");
        int before = simulator.state().webhooks().size();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from(eventsUri(groupId, "")).routeId("events").to("mock:events");
            }
        });

        assertThat(context.getComponent("kaizala", KaizalaComponent.class).getSubscriptionLock()).isNotNull();
        assertThat(events).containsExactly(
                "lock Group:" + groupId + " (subscriptions: " + before + ")",
                "unlock Group:" + groupId + " (subscriptions: " + (before + 1) + ")");
    }
}

package org.apache.camel.component.kaizala;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared idempotent repository may be unable to decide at once — its database down, or the event id held by
 * another instance that may still be processing it (a lease not yet expired): it throws from {@code add}. The
 * consumer then answers 503 without routing (no stack trace in the answer), so that Kaizala delivers the event
 * again later; and a failing {@code confirm} after the route succeeded still answers 200 (the event was processed:
 * a redelivery would process it twice). The consumer starts the repository (a JDBC one creates its table then).
 */
class EventsRepositoryFailureTest extends EventsTestSupport {

    private final FlakyRepository repository = new FlakyRepository();
    private String groupId;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("flakyRepo", repository);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Repository failures");
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(eventsUri(groupId, "webhookAutoRegister=false&idempotentRepository=#flakyRepo")).to("mock:events");
            }
        };
    }

    @BeforeEach
    void reset() {
        repository.addFailures.set(0);
        repository.confirmFailures.set(0);
    }

    private String event(String eventId) {
        return "{\"objectId\": \"" + groupId + "\", \"objectType\": \"Group\", \"eventType\": \"TextMessageCreated\", "
                + "\"eventId\": \"" + eventId + "\", \"data\": {\"text\": \"hello\"}, \"fromUser\": \"+15550100001\"}";
    }

    @Test
    void aRepositoryThatCannotDecideGets503AndTheRedeliveryIsProcessedOnce() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        repository.addFailures.set(2);
        String body = event(UUID.randomUUID().toString());

        HttpResponse<String> first = post(callbackUrl(groupId), body, Map.of("kz-callback-token", CALLBACK_TOKEN));
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(post(callbackUrl(groupId), body, Map.of("kz-callback-token", CALLBACK_TOKEN)).statusCode())
                .isEqualTo(503);
        assertThat(post(callbackUrl(groupId), body, Map.of("kz-callback-token", CALLBACK_TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(post(callbackUrl(groupId), body, Map.of("kz-callback-token", CALLBACK_TOKEN)).statusCode())
                .isEqualTo(200);

        events.assertIsSatisfied(200);
    }

    @Test
    void theConsumerStartsTheRepositoryAsAServiceOfTheContext() {
        // a JDBC repository creates its table, an orphan-lock-aware one its keep-alive, when started
        assertThat(repository.isStarted()).isTrue();
        assertThat(context.hasService(repository)).isTrue();
    }

    @Test
    void aFailingConfirmAfterTheRouteStillAnswers200() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        repository.confirmFailures.set(1);
        String body = event(UUID.randomUUID().toString());

        assertThat(post(callbackUrl(groupId), body, Map.of("kz-callback-token", CALLBACK_TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(post(callbackUrl(groupId), body, Map.of("kz-callback-token", CALLBACK_TOKEN)).statusCode())
                .isEqualTo(200);

        events.assertIsSatisfied(200);
    }

    /** An in-memory repository whose add and confirm throw while told to. */
    static final class FlakyRepository extends ServiceSupport implements IdempotentRepository {

        final AtomicInteger addFailures = new AtomicInteger();
        final AtomicInteger confirmFailures = new AtomicInteger();
        private final Set<String> keys = ConcurrentHashMap.newKeySet();

        @Override
        public boolean add(String key) {
            if (addFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("event " + key + " is held by another instance (lease not expired)");
            }
            return keys.add(key);
        }

        @Override
        public boolean contains(String key) {
            return keys.contains(key);
        }

        @Override
        public boolean remove(String key) {
            return keys.remove(key);
        }

        @Override
        public boolean confirm(String key) {
            if (confirmFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the database is down");
            }
            return true;
        }

        @Override
        public void clear() {
            keys.clear();
        }
    }
}

package io.github.camelkaizala.quarkus.itest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Header;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.TextMessageData;

/**
 * Where the YAML route {@code kaizala-events} records the Kaizala events it receives ({@code bean: receivedEvents}).
 */
@ApplicationScoped
@Named("receivedEvents")
public class ReceivedEvents {

    /** One event as the route saw it: the header, the typed body. */
    public record Received(String eventType, String eventId, String fromUser, String text) {}

    private final List<Received> events = new CopyOnWriteArrayList<>();

    public void record(KaizalaEvent event, @Header("CamelKaizalaEventType") String eventType) {
        String text = event.data() instanceof TextMessageData data ? data.text() : null;
        events.add(new Received(eventType, event.eventId(), event.fromUser(), text));
    }

    public List<Received> events() {
        return List.copyOf(events);
    }
}

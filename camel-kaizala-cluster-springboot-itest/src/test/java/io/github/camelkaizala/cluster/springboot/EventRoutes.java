package io.github.camelkaizala.cluster.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Post a text to the group; receive the group's text messages once each, whichever instance Kaizala reaches. */
@Component
public class EventRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:announce").routeId("announce")
                .to("kaizala:messages?groupId={{kaizala.group-id}}");

        from("kaizala:events?groupId={{kaizala.group-id}}&eventTypes=TextMessageCreated"
                + "&webhookAutoUnregister=false&idempotentRepository=#eventIds").routeId("events")
                .to("seda:events?waitForTaskToComplete=Never");
    }
}

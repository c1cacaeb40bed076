package org.apache.camel.component.kaizala.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The application's routes: post a text to a group, and receive the group's text messages. */
@Component
public class KaizalaRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:announce").routeId("announce")
                .to("kaizala:messages?groupId={{kaizala.group-id}}");

        from("kaizala:events?groupId={{kaizala.group-id}}&eventTypes=TextMessageCreated").routeId("posts")
                .log("a post from ${header.CamelKaizalaFromUser}")
                .to("seda:posts?waitForTaskToComplete=Never");
    }
}

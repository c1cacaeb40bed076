package io.github.camelkaizala.example;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaConstants;

/** The Java DSL twin of routes/send-messages.yaml. */
public class JavaMessagesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:java-messages?repeatCount=3&period=300&includeMetadata=true")
                .routeId("java-messages")
                .setBody(simple("Hello from a Java route, message ${exchangeProperty.CamelTimerCounter}"))
                .setVariable("text", body())
                .to("kaizala:messages?groupId={{kaizala.group-id}}")
                .log("Java route: '${variable.text}' posted, referenceId ${header." + KaizalaConstants.REFERENCE_ID + "}");
    }
}

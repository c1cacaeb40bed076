package io.github.camelkaizala.example;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.builder.RouteBuilder;

/** The survey scenario, in Java: post the tally back to the group as a message, then end the scenario. */
public class ResultsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:post-results").routeId("post-results")
                .process(exchange -> {
                    Map<?, ?> counts = exchange.getMessage().getBody(Map.class);
                    exchange.getMessage().setBody("Weekly stock check, shelf condition: " + counts.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
                })
                .setVariable("results", body())
                .to("kaizala:messages?groupId={{kaizala.group-id}}")
                .log(org.apache.camel.LoggingLevel.INFO, "scenario",
                        "Posted the results to the group: '${variable.results}'")
                .to("bean:scenario?method=finished");
    }
}

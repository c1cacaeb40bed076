package io.github.camelkaizala.benchmarks;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The route a user writes without the component: headers and JSON set by hand, {@code toD("http:…")} on camel-http
 * (HttpClient 5 classic, blocking), the answer read back with Jackson for its referenceId. The access token is fetched
 * beforehand (the route does not renew it). camel-http's pool allows 20 connections per host by default: raised to
 * 200 here, or it would cap the route at concurrency 20.
 */
final class CamelHttpRouteClient implements MessageClient {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint endpoint;
    private final String groupId;

    CamelHttpRouteClient(MessageClient.Target target) throws Exception {
        this.groupId = target.groupId();
        context = new DefaultCamelContext();
        HttpComponent http = context.getComponent("http", HttpComponent.class);
        http.setMaxTotalConnections(200);
        http.setConnectionsPerRoute(200);
        String base = target.endpointUrl().endsWith("/") ? target.endpointUrl() : target.endpointUrl() + "/";
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:send").routeId("camel-http")
                        .setHeader("accessToken", constant(target.accessToken()))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader("Accept", constant("application/json"))
                        .setBody(simple("{\"message\": \"${body}\"}"))
                        .toD(base + "v1/groups/${header.groupId}/messages")
                        .unmarshal().json(Map.class)
                        .setHeader("referenceId", simple("${body[referenceId]}"));
            }
        });
        context.start();
        template = context.createProducerTemplate();
        endpoint = context.getEndpoint("direct:send");
    }

    @Override
    public String name() {
        return Kind.CAMEL_HTTP.label;
    }

    @Override
    public String send(String text) throws Exception {
        Exchange done = template.request(endpoint, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader("groupId", groupId);
        });
        if (done.getException() != null) {
            throw done.getException();
        }
        String referenceId = done.getMessage().getHeader("referenceId", String.class);
        if (referenceId == null || referenceId.isEmpty()) {
            throw new IllegalStateException("no referenceId");
        }
        return referenceId;
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}

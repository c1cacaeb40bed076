package io.github.camelkaizala.benchmarks;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The component: {@code from("direct:send").to("kaizala:messages?groupId=…")}, configured once with the connector's
 * credentials (it fetches its own token). Pacing off ({@code rateLimit=0}: throughput is what is measured) and no
 * retries ({@code maxRetries=0}: an error must show as an error). {@code continueOnIoThread}: the route has no step after
 * the producer, so it qualifies for the option.
 */
final class KaizalaRouteClient implements MessageClient {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint endpoint;
    private final Kind kind;

    KaizalaRouteClient(MessageClient.Target target, boolean continueOnIoThread) throws Exception {
        kind = continueOnIoThread ? Kind.KAIZALA_IO : Kind.KAIZALA;
        context = new DefaultCamelContext();
        KaizalaComponent kaizala = new KaizalaComponent();
        KaizalaConfiguration configuration = kaizala.getConfiguration();
        configuration.setAuthUrl(target.authUrl());
        configuration.setApplicationId(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        configuration.setApplicationSecret(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        configuration.setRefreshToken(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        configuration.setRateLimit(0);
        configuration.setMaxRetries(0);
        configuration.setContinueOnIoThread(continueOnIoThread);
        context.addComponent("kaizala", kaizala);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:send").routeId("kaizala")
                        .to("kaizala:messages?groupId=" + target.groupId());
            }
        });
        context.start();
        template = context.createProducerTemplate();
        endpoint = context.getEndpoint("direct:send");
    }

    @Override
    public String name() {
        return kind.label;
    }

    @Override
    public String send(String text) throws Exception {
        Exchange done = template.request(endpoint, e -> e.getMessage().setBody(text));
        if (done.getException() != null) {
            throw done.getException();
        }
        String referenceId = done.getMessage().getHeader(KaizalaConstants.REFERENCE_ID, String.class);
        if (referenceId == null) {
            throw new IllegalStateException("no referenceId");
        }
        return referenceId;
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}

package org.apache.camel.component.kaizala;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.spi.RestRegistry;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("kaizala:events?groupId=…")}: serves the callback (GET for Kaizala's validation, POST for events) on a
 * Camel HTTP server component — platform-http by default — then subscribes with Kaizala; on stop, unsubscribes and
 * stops serving. Like camel-webhook's {@code MultiRestConsumer} (whose configurer type is not public): one REST
 * consumer per method, made when this consumer is made and listed in Camel's {@code RestRegistry}.
 */
public class KaizalaConsumer extends DefaultConsumer implements HealthCheckAware {

    private final KaizalaEndpoint endpoint;
    private final List<Consumer> servers = new ArrayList<>();
    private volatile KaizalaHealthCheck healthCheck;

    KaizalaConsumer(KaizalaEndpoint endpoint, Processor handler, RestConsumerFactory factory, WebhookConfiguration web)
            throws Exception {
        super(endpoint, handler);
        this.endpoint = endpoint;
        CamelContext context = endpoint.getCamelContext();
        String path = web.computeFullPath(false);
        String url = web.computeServerUriPrefix() + path;
        RestRegistry registry = restRegistry(context);
        for (String method : KaizalaWebhook.METHODS) {
            Consumer server = factory.createConsumer(context, handler, method, path, null, null, null,
                    web.retrieveRestConfiguration(), Map.of());
            endpoint.configureConsumer(server);
            if (registry != null) {
                registry.addRestService(server, false, url, url, path, null, method, null, null, null, null, null,
                        null);
            }
            servers.add(server);
        }
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        ServiceHelper.initService(servers);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(servers);
        if (endpoint.getConfiguration().isWebhookAutoRegister()) {
            endpoint.registerWebhook();
        }
        healthCheck = new KaizalaHealthCheck(endpoint, endpoint.getComponent().client(endpoint.getConfiguration()),
                "consumer");
        healthCheck.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
    }

    /** Camel's REST registry (listed by the rest dev console and JBang), or null where camel-rest is not on the classpath. */
    private static RestRegistry restRegistry(CamelContext context) {
        try {
            return context.getRestRegistry();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Camel's consumer health check of the route asks this one: token obtainable, webhook registered. */
    @Override
    public HealthCheck getHealthCheck() {
        return healthCheck;
    }

    @Override
    protected void doStop() throws Exception {
        healthCheck = null;
        try {
            if (endpoint.getConfiguration().isWebhookAutoRegister()
                    && endpoint.getConfiguration().isWebhookAutoUnregister()) {
                endpoint.unregisterWebhook();
            }
        } finally {
            ServiceHelper.stopService(servers);
            super.doStop();
        }
    }

    @Override
    protected void doShutdown() throws Exception {
        RestRegistry registry = restRegistry(endpoint.getCamelContext());
        if (registry != null) {
            servers.forEach(registry::removeRestService);
        }
        ServiceHelper.stopAndShutdownServices(servers);
        super.doShutdown();
    }
}

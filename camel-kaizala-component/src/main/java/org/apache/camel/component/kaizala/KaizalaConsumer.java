package org.apache.camel.component.kaizala;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.component.webhook.WebhookUtils;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("kaizala:events?groupId=…")}: serves the callback (GET for Kaizala's validation, POST for events) on a
 * Camel HTTP server component — platform-http by default, located the way camel-webhook does — then subscribes with
 * Kaizala; on stop, unsubscribes and stops serving.
 */
public class KaizalaConsumer extends DefaultConsumer implements HealthCheckAware {

    private final KaizalaEndpoint endpoint;
    private final List<Consumer> servers = new ArrayList<>();
    private volatile KaizalaHealthCheck healthCheck;

    public KaizalaConsumer(KaizalaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        WebhookConfiguration web = endpoint.webhookConfiguration();
        RestConsumerFactory factory = WebhookUtils.locateRestConsumerFactory(getEndpoint().getCamelContext(), web);
        Processor handler = endpoint.createWebhookHandler(getProcessor());
        String path = web.computeFullPath(false);
        for (String method : endpoint.getWebhookMethods()) {
            Consumer server = factory.createConsumer(getEndpoint().getCamelContext(), handler, method, path, null, null,
                    null, web.retrieveRestConfiguration(), Map.of());
            endpoint.configureConsumer(server);
            servers.add(server);
            ServiceHelper.startService(server);
        }
        if (endpoint.getConfiguration().isWebhookAutoRegister()) {
            endpoint.registerWebhook();
        }
        healthCheck = new KaizalaHealthCheck(endpoint, endpoint.getComponent().client(endpoint.getConfiguration()),
                "consumer");
        healthCheck.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
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
            ServiceHelper.stopAndShutdownServices(servers);
            servers.clear();
            super.doStop();
        }
    }
}

package org.apache.camel.component.kaizala;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.internal.operation.Call;
import org.apache.camel.component.kaizala.internal.operation.OperationInput;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.component.kaizala.internal.wire.Text;
import org.apache.camel.component.kaizala.model.KaizalaResponse;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Performs the endpoint's operation (or the one the {@code CamelKaizalaOperation} header names) without holding a
 * thread while Kaizala answers. Bad input fails the exchange with a {@link KaizalaValidationException} before
 * anything is sent; an error answer fails it with a {@link KaizalaApiException}.
 */
public class KaizalaProducer extends DefaultAsyncProducer {

    private final KaizalaEndpoint endpoint;
    private final EndpointOptions options;
    private KaizalaClient client;
    private WritableHealthCheckRepository healthChecks;
    private KaizalaHealthCheck healthCheck;

    public KaizalaProducer(KaizalaEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.options = new EndpointOptions(endpoint.getConfiguration());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = endpoint.getComponent().client(endpoint.getConfiguration());
        String missing = client.settings().missingCredentials();
        if (missing != null && endpoint.getKaizalaOperation().requiresCredentials()) {
            throw new IllegalArgumentException(missing);
        }
        healthChecks = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null && endpoint.getKaizalaOperation().requiresCredentials()) {
            healthCheck = new KaizalaHealthCheck(endpoint, client, "producer");
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        KaizalaOperation operation;
        CompletableFuture<Object> result;
        try {
            operation = operationFor(exchange);
            Call call = operation.prepare(new OperationInput(exchange, options));
            result = call.execute(client);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        result.whenCompleteAsync((answer, error) -> {
            try {
                if (error != null) {
                    exchange.setException(failure(operation, error));
                } else {
                    answer(exchange.getMessage(), answer);
                }
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }, this::complete);
        return false;
    }

    /** Continues an exchange on the component's completion threads, or here when they are already shut down. */
    private void complete(Runnable continuation) {
        try {
            endpoint.getComponent().completionExecutor().execute(continuation);
        } catch (RejectedExecutionException stopping) {
            continuation.run(); // the component is stopping: the exchange must still complete
        }
    }

    private KaizalaOperation operationFor(Exchange exchange) {
        String override = exchange.getMessage().getHeader(KaizalaConstants.OPERATION, String.class);
        if (override == null) {
            return endpoint.getKaizalaOperation();
        }
        try {
            return KaizalaOperation.fromId(override);
        } catch (IllegalArgumentException e) {
            throw new KaizalaValidationException(KaizalaConstants.OPERATION, e.getMessage());
        }
    }

    private static void answer(Message message, Object answer) {
        message.setBody(answer);
        if (answer instanceof KaizalaResponse response) {
            response.headers().forEach(message::setHeader);
        }
    }

    private static Throwable failure(KaizalaOperation operation, Throwable error) {
        Throwable cause = Text.unwrap(error);
        if (cause instanceof KaizalaException) {
            return cause;
        }
        return new KaizalaException("Kaizala " + operation.id() + " got no answer: " + cause, cause);
    }
}

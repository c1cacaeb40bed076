package org.apache.camel.component.kaizala;

import java.util.concurrent.CompletionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kaizala.internal.ApiRequest;
import org.apache.camel.component.kaizala.internal.KaizalaClient;
import org.apache.camel.component.kaizala.internal.KaizalaJson;
import org.apache.camel.component.kaizala.internal.OperationInput;
import org.apache.camel.component.kaizala.model.ReferenceResponse;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;

/**
 * Performs the endpoint's operation (or the one the {@code CamelKaizalaOperation} header names) without holding a
 * thread while Kaizala answers. Bad input fails the exchange with a {@link KaizalaValidationException} before
 * anything is sent; an error answer fails it with a {@link KaizalaApiException}.
 */
public class KaizalaProducer extends DefaultAsyncProducer {

    private final KaizalaEndpoint endpoint;
    private KaizalaClient client;

    public KaizalaProducer(KaizalaEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = endpoint.getComponent().client(endpoint.getConfiguration());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        KaizalaOperation operation;
        ApiRequest request;
        try {
            operation = operationFor(exchange);
            request = operation.toRequest(new OperationInput(exchange, endpoint.getConfiguration()));
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        client.call(request).whenCompleteAsync((response, error) -> {
            try {
                if (error != null) {
                    exchange.setException(failure(operation, error));
                } else {
                    answer(exchange.getMessage(), operation, response);
                }
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }, endpoint.getComponent().completionExecutor());
        return false;
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

    private static void answer(Message message, KaizalaOperation operation, SimpleHttpResponse response) {
        Object model = KaizalaJson.read(response.getBodyBytes(), operation.responseType(), operation.id());
        message.setBody(model);
        message.setHeader(KaizalaConstants.HTTP_STATUS, response.getCode());
        if (model instanceof ReferenceResponse reference && reference.referenceId() != null) {
            message.setHeader(KaizalaConstants.REFERENCE_ID, reference.referenceId());
        }
    }

    private static Throwable failure(KaizalaOperation operation, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof KaizalaException) {
            return cause;
        }
        return new KaizalaException("Kaizala " + operation.id() + " got no answer: " + cause, cause);
    }
}

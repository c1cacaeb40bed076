package org.apache.camel.component.kaizala;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

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
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs the endpoint's operation (or the one the {@code CamelKaizalaOperation} header names) without holding a
 * thread while Kaizala answers. Bad input fails the exchange with a {@link KaizalaValidationException} before
 * anything is sent; an error answer fails it with a {@link KaizalaApiException}.
 * <p>
 * Once Kaizala answered, the exchange continues on the component's completion threads, so that a slow step later in
 * the route never holds one of HttpClient's I/O threads (which serve every other call meanwhile). With
 * {@code continueOnIoThread} a successful answer continues on the I/O thread itself, one thread hand-off less; a
 * continuation that holds it longer than {@link #IO_THREAD_BUDGET_MILLIS} is logged and the endpoint falls back.
 */
public class KaizalaProducer extends DefaultAsyncProducer {

    /** How long a continuation may hold HttpClient's I/O thread (continueOnIoThread) before the endpoint falls back. */
    static final long IO_THREAD_BUDGET_MILLIS = 100;
    private static final long IO_THREAD_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(IO_THREAD_BUDGET_MILLIS);
    private static final Logger LOG = LoggerFactory.getLogger(KaizalaProducer.class);

    private final KaizalaEndpoint endpoint;
    private final EndpointOptions options;
    private KaizalaClient client;
    private WritableHealthCheckRepository healthChecks;
    private KaizalaHealthCheck healthCheck;
    /** continueOnIoThread, until a continuation held the I/O thread too long. */
    private volatile boolean onIoThread;

    public KaizalaProducer(KaizalaEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.options = new EndpointOptions(endpoint.getConfiguration());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = endpoint.getComponent().client(endpoint.getConfiguration());
        onIoThread = endpoint.getConfiguration().isContinueOnIoThread();
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
        result.whenComplete(new Continuation(exchange, callback, operation));
        return false;
    }

    /** The rest of one exchange once Kaizala answered: one object, whichever thread it runs on. */
    private final class Continuation implements BiConsumer<Object, Throwable>, Runnable {

        private final Exchange exchange;
        private final AsyncCallback callback;
        private final KaizalaOperation operation;
        private Object answer;
        private Throwable error;

        Continuation(Exchange exchange, AsyncCallback callback, KaizalaOperation operation) {
            this.exchange = exchange;
            this.callback = callback;
            this.operation = operation;
        }

        @Override
        public void accept(Object answer, Throwable error) {
            this.answer = answer;
            this.error = error;
            if (error == null && onIoThread) {
                long start = System.nanoTime();
                run();
                checkIoThreadTime(System.nanoTime() - start, exchange);
            } else {
                complete(this); // a failure may meet a redelivery delay that sleeps: never on the I/O thread
            }
        }

        @Override
        public void run() {
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
        }
    }

    /** continueOnIoThread's guard: a continuation that held the I/O thread too long turns the option off, and says so. */
    private void checkIoThreadTime(long nanos, Exchange exchange) {
        if (nanos > IO_THREAD_BUDGET_NANOS && onIoThread) {
            onIoThread = false;
            LOG.warn(
                    "{} (route {}): with continueOnIoThread the exchange's work after this producer held HttpClient's I/O"
                            + " thread for {} ms, longer than {} ms; no other call to Kaizala was served on that thread meanwhile."
                            + " This endpoint now continues its exchanges on the component's completion threads. Remove"
                            + " continueOnIoThread from it, or make the steps after it non-blocking (a busy machine or a long GC"
                            + " pause can also cause this).",
                    URISupport.sanitizeUri(endpoint.getEndpointUri()), exchange.getFromRouteId(),
                    TimeUnit.NANOSECONDS.toMillis(nanos), IO_THREAD_BUDGET_MILLIS);
        }
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

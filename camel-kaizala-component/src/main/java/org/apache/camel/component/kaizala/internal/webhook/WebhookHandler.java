package org.apache.camel.component.kaizala.internal.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.event.ActionCreatedData;
import org.apache.camel.component.kaizala.event.ActionResponseData;
import org.apache.camel.component.kaizala.event.JobCreatedData;
import org.apache.camel.component.kaizala.event.JobResponseData;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;
import org.apache.camel.component.kaizala.internal.wire.Text;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Kaizala's callback (reference §12): answers the validation GET with its token, checks each delivery's
 * {@code kz-callback-token} in constant time, reads the event, drops a redelivered {@code eventId}, and hands the
 * event to the route. Kaizala gets 2xx only once the route took the event, and 5xx when it failed, so that it
 * redelivers what was not processed. The id is taken ({@code add}) before routing, confirmed after success and
 * removed after failure, each before Kaizala gets its answer; a repository that throws from {@code add} (its store
 * unreachable, or the id held by another instance under a live lease) gets the delivery answered 503, not routed, and
 * so does a redelivery of an id this handler is still routing (its first delivery may yet fail).
 */
public final class WebhookHandler extends AsyncProcessorSupport {

    static final String CALLBACK_TOKEN_HEADER = "kz-callback-token";
    /** The longest validation token echoed: Kaizala's are short; the handshake is unauthenticated. */
    static final int MAX_VALIDATION_TOKEN = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

    private final AsyncProcessor route;
    private final byte[] callbackToken;
    private final int maxBodySize;
    private final IdempotentRepository seen;
    private final EventParser parser = new EventParser(KaizalaJson.MAPPER);
    private final String description;
    /** The ids being routed now, each with the exchange routing it. */
    private final Map<String, Exchange> routing = new ConcurrentHashMap<>();

    /**
     * @param description names the subscription in log lines (never a secret)
     */
    public WebhookHandler(AsyncProcessor route, String callbackToken, int maxBodySize, IdempotentRepository seen,
            String description) {
        this.route = route;
        this.callbackToken = callbackToken.getBytes(StandardCharsets.UTF_8);
        this.maxBodySize = maxBodySize;
        this.seen = seen;
        this.description = description;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message http = exchange.getMessage();
        String method = http.getHeader(Exchange.HTTP_METHOD, "POST", String.class);
        if ("GET".equalsIgnoreCase(method)) {
            String token = validationToken(http);
            if (token == null) {
                answer(http, 400, "validationToken missing");
            } else if (token.length() > MAX_VALIDATION_TOKEN) {
                answer(http, 400, "validationToken longer than " + MAX_VALIDATION_TOKEN + " characters");
            } else {
                LOG.info("Kaizala validated the callback of {}", description);
                answer(http, 200, token);
            }
            callback.done(true);
            return true;
        }
        if (!"POST".equalsIgnoreCase(method)) {
            answer(http, 405, "GET or POST only");
            callback.done(true);
            return true;
        }
        String presented = http.getHeader(CALLBACK_TOKEN_HEADER, String.class);
        if (presented == null || !MessageDigest.isEqual(callbackToken, presented.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Refused a delivery to {}: {} kz-callback-token", description,
                    presented == null ? "no" : "a wrong");
            answer(http, 401, "unauthorized");
            callback.done(true);
            return true;
        }
        KaizalaEvent event;
        try {
            byte[] body = body(exchange);
            if (body == null) {
                answer(http, 413, "payload too large");
                callback.done(true);
                return true;
            }
            event = parser.parse(body);
        } catch (IOException e) {
            LOG.warn("Refused a malformed delivery to {}: {}", description, Text.firstLine(e.getMessage()));
            // the envelope's own reasons are safe to answer; a JSON parser's message may quote the body
            answer(http, 400,
                    "malformed event: " + (e instanceof JsonProcessingException ? "unreadable JSON" : e.getMessage()));
            callback.done(true);
            return true;
        }
        String eventId = event.eventId();
        boolean taken;
        try {
            taken = seen.add(eventId);
        } catch (RuntimeException e) {
            // the repository cannot decide now: its store is unreachable, or (a shared, lease-based repository) the
            // id is held by another instance that may still be processing it. Not routed; Kaizala delivers again.
            LOG.warn("Event {} to {} not taken now, answered 503 (Kaizala delivers it again): {}", eventId, description,
                    Text.firstLine(e.getMessage()));
            answer(http, 503, "event not taken now; Kaizala will deliver it again");
            callback.done(true);
            return true;
        }
        if (!taken && routing.containsKey(eventId)) {
            LOG.debug("Kaizala redelivered event {} to {} while it is still being routed: answered 503", eventId,
                    description);
            answer(http, 503, "event still being processed; deliver it again later");
            callback.done(true);
            return true;
        }
        if (!taken) {
            LOG.debug("Kaizala redelivered event {} to {}: already taken, not routed again", eventId, description);
            answer(http, 200, null);
            callback.done(true);
            return true;
        }
        http.getHeaders().clear(); // every header of the delivery: removeHeaders("*") would match each against a pattern
        http.setBody(event);
        setHeaders(http, event);
        routing.put(eventId, exchange);
        return route.process(exchange, doneSync -> {
            try {
                if (exchange.getException() != null || exchange.isRollbackOnly()) {
                    exchange.setException(null);
                    exchange.setRollbackOnly(false);
                    answer(exchange.getMessage(), 500, "event not processed; Kaizala will deliver it again");
                    release(eventId, false);
                } else {
                    // processed: 200 even if the repository cannot record it (a redelivery would process it twice)
                    answer(exchange.getMessage(), 200, null);
                    release(eventId, true);
                }
            } finally {
                routing.remove(eventId, exchange);
                callback.done(doneSync);
            }
        });
    }

    /** Confirms (after success) or removes (after failure) the id; a repository failure is logged, never thrown. */
    private void release(String eventId, boolean processed) {
        try {
            if (processed) {
                seen.confirm(eventId);
            } else {
                seen.remove(eventId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not {} event {} of {} in the idempotent repository: {}", processed ? "confirm" : "remove",
                    eventId, description, Text.firstLine(e.getMessage()));
        }
    }

    private static void setHeaders(Message message, KaizalaEvent event) {
        message.setHeader(KaizalaConstants.EVENT_TYPE, event.eventType());
        message.setHeader(KaizalaConstants.EVENT_ID, event.eventId());
        message.setHeader(KaizalaConstants.OBJECT_ID, event.objectId());
        message.setHeader(KaizalaConstants.OBJECT_TYPE, event.objectType());
        message.setHeader(KaizalaConstants.FROM_USER, event.fromUser());
        message.setHeader(KaizalaConstants.FROM_USER_ID, event.fromUserId());
        if (event.context() != null) {
            message.setHeader(KaizalaConstants.CONTEXT, event.context());
        }
        String groupId = "Group".equalsIgnoreCase(event.objectType()) ? event.objectId() : null;
        String actionId = null;
        if (event.data() instanceof ActionResponseData d) {
            groupId = d.groupId() != null ? d.groupId() : groupId;
            actionId = d.actionId();
            message.setHeader(KaizalaConstants.RESPONSE_ID, d.responseId());
        } else if (event.data() instanceof ActionCreatedData d) {
            groupId = d.groupId() != null ? d.groupId() : groupId;
            actionId = d.actionId();
        } else if (event.data() instanceof JobCreatedData d) {
            groupId = d.groupId() != null ? d.groupId() : groupId;
            actionId = d.actionId();
        } else if (event.data() instanceof JobResponseData d) {
            groupId = d.groupId() != null ? d.groupId() : groupId;
            actionId = d.actionId();
            message.setHeader(KaizalaConstants.RESPONSE_ID, d.responseId());
        }
        if (groupId != null) {
            message.setHeader(KaizalaConstants.GROUP_ID, groupId);
        }
        if (actionId != null) {
            message.setHeader(KaizalaConstants.ACTION_ID, actionId);
        }
    }

    /** The body, or null when it is larger than allowed. */
    private byte[] body(Exchange exchange) throws IOException {
        Message http = exchange.getMessage();
        Long declared = http.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBodySize) {
            return null;
        }
        Object body = http.getBody();
        if (body instanceof byte[] bytes) {
            return bytes.length > maxBodySize ? null : bytes;
        }
        if (body instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return bytes.length > maxBodySize ? null : bytes;
        }
        if (body != null && !isStream(body)) {
            // already in memory (platform-http on Vert.x gives a Buffer): its bytes, without a stream and a copy
            byte[] bytes = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
            if (bytes != null) {
                return bytes.length > maxBodySize ? null : bytes;
            }
        }
        InputStream in = http.getBody(InputStream.class);
        if (in == null) {
            throw new IOException("empty body");
        }
        try (in) {
            byte[] bytes = in.readNBytes(maxBodySize + 1);
            return bytes.length > maxBodySize ? null : bytes;
        }
    }

    /** Whether reading the body as a whole could read more than is in memory (read with the size limit then). */
    private static boolean isStream(Object body) {
        return body instanceof InputStream || body instanceof StreamCache || body instanceof java.io.Reader
                || body instanceof WrappedFile || body instanceof java.io.File || body instanceof java.nio.file.Path;
    }

    private static String validationToken(Message http) {
        String token = http.getHeader("validationToken", String.class);
        if (token == null) {
            String query = http.getHeader(Exchange.HTTP_QUERY, String.class);
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("validationToken=")) {
                        token = java.net.URLDecoder.decode(pair.substring("validationToken=".length()),
                                StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return token == null || token.isEmpty() ? null : token;
    }

    private static void answer(Message http, int status, String text) {
        http.getHeaders().clear(); // every header of the delivery: removeHeaders("*") would match each against a pattern
        http.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (text != null) {
            // the validation answer echoes unauthenticated text: never let a browser read it as anything but text
            http.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            http.setHeader("X-Content-Type-Options", "nosniff");
        }
        http.setBody(text);
    }
}

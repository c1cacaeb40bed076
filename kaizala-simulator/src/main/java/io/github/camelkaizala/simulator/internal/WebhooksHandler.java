package io.github.camelkaizala.simulator.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.github.camelkaizala.simulator.Action;
import io.github.camelkaizala.simulator.Delivery;
import io.github.camelkaizala.simulator.Group;
import io.github.camelkaizala.simulator.Webhook;

/**
 * Webhook subscriptions (§12.3–§12.6): subscribe, list, update, delete. Each webhook belongs to the connector
 * whose token created it; other connectors get 404. The object must exist: a {@code Group} or the
 * {@code Action} of a group the caller can read; any {@code ActionPackage} id. Subscribing, and changing the
 * {@code callBackUrl}, first validates the callback (§12.2, {@code Webhooks.validate}): 400
 * {@code CallbackValidationFailed} and nothing stored when it fails. Delivery is {@code Webhooks}'.
 */
public final class WebhooksHandler {

    public static final List<String> OBJECT_TYPES = List.of("Group", "Action", "ActionPackage");
    public static final List<String> EVENT_TYPES = EventData.TYPES;
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(730);

    private final Store state;
    private final Consumer<String> validator; // the handshake: throws a Refusal when the callback fails it

    public WebhooksHandler(Store state, Consumer<String> validator) {
        this.state = state;
        this.validator = validator;
    }

    public void routes(Router r) {
        r.add("POST", "/webhook", this::subscribe);
        r.add("GET", "/webhook", this::list);
        r.add("PUT", "/webhook/{webhookId}", this::update);
        r.add("DELETE", "/webhook/{webhookId}", this::delete);
    }

    /**
     * Body {@code {objectId, objectType, eventTypes (or events), callBackUrl, callBackToken, callBackContext,
     * validity, Active}}, names in any case. Answer {@code {webhookId}}.
     */
    private Response subscribe(Call c) {
        Json.Fields body = Json.Fields.of(c.body());
        String objectType = body.oneOf("objectType", OBJECT_TYPES, true);
        String objectId = objectId(body, objectType);
        List<String> events = events(body);
        if (events == null) {
            throw Json.missing("eventTypes");
        }
        String url = url(body);
        if (url == null) {
            throw Json.missing("callBackUrl");
        }
        Instant validity = validity(body);
        Boolean active = body.bool("Active");
        state.checkWebhookObject(c.user(), objectType, objectId);
        validator.accept(url);
        Instant now = Instant.now();
        Webhook w = new Webhook(UUID.randomUUID().toString(), objectId, objectType, events, url,
                body.text("callBackToken", false), body.text("callBackContext", false), !Boolean.FALSE.equals(active),
                validity == null ? now.plus(DEFAULT_VALIDITY) : validity, c.applicationId(), now, now);
        state.saveWebhook(c.user(), w, true);
        return Response.ok(Json.obj("webhookId", w.id()));
    }

    /**
     * Query {@code objectId}, {@code objectType} (both required). Answer {@code {webhooks: [{id, objectId,
     * objectType, events, filters, callbackUrl, callbackToken, callBackContext, ts, validity, active}]}}.
     */
    private Response list(Call c) {
        String objectId = c.queryIgnoringCase("objectId");
        if (objectId == null || objectId.isBlank()) {
            throw Json.missing("objectId");
        }
        String objectType = c.queryIgnoringCase("objectType");
        if (objectType == null || objectType.isBlank()) {
            throw Json.missing("objectType");
        }
        String type = Json.oneOf(objectType, "objectType", OBJECT_TYPES);
        return Response.ok(Json.obj("webhooks",
                state.webhooks(c.applicationId(), objectId, type).stream().map(WebhooksHandler::json).toList()));
    }

    /**
     * Any subset of the subscribe fields, plus {@code Active} ({@code true} re-activates a disabled webhook); a new
     * {@code callBackUrl} is validated first. Answer (undocumented) {@code {"result": true}}.
     */
    private Response update(Call c) {
        Webhook w = state.webhook(c.applicationId(), c.param("webhookId"));
        Json.Fields body = Json.Fields.of(c.body());
        String objectType = body.has("objectType") ? body.oneOf("objectType", OBJECT_TYPES, true) : w.objectType();
        String objectId = body.has("objectId") || body.has("objectType") ? objectId(body, objectType) : w.objectId();
        List<String> events = events(body);
        String url = url(body);
        Instant validity = validity(body);
        Boolean active = body.bool("Active");
        if (url != null && !url.equals(w.callbackUrl())) {
            state.checkWebhookObject(c.user(), objectType, objectId);
            validator.accept(url);
        }
        Webhook changed = new Webhook(w.id(), objectId, objectType, events == null ? w.eventTypes() : events,
                url == null ? w.callbackUrl() : url,
                body.has("callBackToken") ? body.text("callBackToken", false) : w.callbackToken(),
                body.has("callBackContext") ? body.text("callBackContext", false) : w.context(),
                active == null ? w.active() : active, validity == null ? w.validity() : validity,
                w.applicationId(), w.createdAt(), Instant.now());
        state.saveWebhook(c.user(), changed, false);
        return Response.ok(Json.obj("result", true));
    }

    /** Answer (undocumented) {@code {"result": true}}; 404 once deleted. */
    private Response delete(Call c) {
        state.deleteWebhook(c.applicationId(), c.param("webhookId"));
        return Response.ok(Json.obj("result", true));
    }

    private static Map<String, Object> json(Webhook w) {
        return Json.obj(
                "id", w.id(),
                "objectId", w.objectId(),
                "objectType", w.objectType(),
                "events", w.eventTypes(),
                "filters", List.of(),
                "callbackUrl", w.callbackUrl(),
                "callbackToken", w.callbackToken(),
                "callBackContext", w.context(),
                "ts", w.updatedAt().toEpochMilli(),
                "validity", w.validity().toEpochMilli(),
                "active", w.active());
    }

    private static String objectId(Json.Fields body, String objectType) {
        String objectId = body.nonBlank("objectId");
        if (objectType.equals("ActionPackage") && !ActionsHandler.isPackageId(objectId)) {
            throw Json.invalid("objectId", "must be an action package id of 1 to " + ActionsHandler.MAX_PACKAGE_ID
                    + " characters without spaces");
        }
        return objectId;
    }

    /** {@code eventTypes} or {@code events}: a non-empty list of §12.1 event types (any case); null when absent. */
    private static List<String> events(Json.Fields body) {
        String name = Json.spelling(body.node(), "eventTypes", "events");
        List<String> events = body.strings(name);
        if (events == null) {
            return null;
        }
        if (events.isEmpty()) {
            throw Json.invalid(name, "must not be empty");
        }
        return events.stream().map(e -> EVENT_TYPES.stream().filter(t -> t.equalsIgnoreCase(e)).findFirst()
                .orElseThrow(() -> Json.invalid(name, "must hold event types of " + EVENT_TYPES + ", got '" + e + "'")))
                .distinct().toList();
    }

    /** {@code callBackUrl} (any case): an absolute http(s) URL; null when absent. */
    private static String url(Json.Fields body) {
        String url = body.text("callBackUrl", false);
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return url.trim();
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw Json.invalid("callBackUrl", "must be an absolute http(s) URL, got '" + url + "'");
    }

    /** {@code validity}: epoch milliseconds (number or numeric string), in the future; null when absent. */
    private static Instant validity(Json.Fields body) {
        Long validity = body.number("validity");
        if (validity == null) {
            return null;
        }
        Instant at = Instant.ofEpochMilli(validity);
        if (!at.isAfter(Instant.now())) {
            throw Json.invalid("validity", "is in the past: " + at + " (epoch milliseconds expected)");
        }
        return at;
    }
}

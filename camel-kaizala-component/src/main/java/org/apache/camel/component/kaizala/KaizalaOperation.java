package org.apache.camel.component.kaizala;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.component.kaizala.internal.ApiRequest;
import org.apache.camel.component.kaizala.internal.KaizalaJson;
import org.apache.camel.component.kaizala.internal.OperationInput;
import org.apache.camel.component.kaizala.internal.PathTemplate;
import org.apache.camel.component.kaizala.internal.RequestBodies;
import org.apache.camel.component.kaizala.model.ReferenceResponse;

/**
 * Every operation of the {@code kaizala:} producer, one entry each: its URI name, HTTP method, path below
 * {@code {endpointUrl}/v1}, how the request body is made from the exchange (with its validation), and the type the
 * answer is read as.
 */
public enum KaizalaOperation {

    MESSAGES_SEND("messages", "send", true, "POST", "/groups/{groupId}/messages",
                  RequestBodies::sendMessage, ReferenceResponse.class);

    private final String resource;
    private final String operation;
    private final boolean resourceDefault;
    private final String method;
    private final PathTemplate path;
    private final Function<OperationInput, Object> requestBody;
    private final Class<?> responseType;

    KaizalaOperation(String resource, String operation, boolean resourceDefault, String method, String pathTemplate,
                     Function<OperationInput, Object> requestBody, Class<?> responseType) {
        this.resource = resource;
        this.operation = operation;
        this.resourceDefault = resourceDefault;
        this.method = method;
        this.path = new PathTemplate(pathTemplate);
        this.requestBody = requestBody;
        this.responseType = responseType;
    }

    /** The name used in URIs and in the {@code CamelKaizalaOperation} header, e.g. {@code messages/send}. */
    public String id() {
        return resource + "/" + operation;
    }

    public String resource() {
        return resource;
    }

    public String operation() {
        return operation;
    }

    public Class<?> responseType() {
        return responseType;
    }

    /**
     * Reads the exchange and makes the request, checking every input first: a {@link KaizalaValidationException}
     * here means nothing was sent.
     */
    public ApiRequest toRequest(OperationInput input) {
        String expanded = path.expand(input);
        Object body = requestBody == null ? null : requestBody.apply(input);
        return new ApiRequest(id(), method, false, expanded, Map.of(), Map.of(),
                body == null ? null : ApiRequest.json(KaizalaJson.write(body)));
    }

    /**
     * The operation named by a URI path or header: {@code resource/operation}, or just {@code resource} where the
     * resource has an obvious operation.
     */
    public static KaizalaOperation fromId(String id) {
        String value = id == null ? "" : id.trim();
        while (value.startsWith("/")) {
            value = value.substring(1);
        }
        int slash = value.indexOf('/');
        String resource = slash < 0 ? value : value.substring(0, slash);
        String operation = slash < 0 ? "" : value.substring(slash + 1);
        for (KaizalaOperation candidate : values()) {
            if (candidate.resource.equals(resource)
                    && (candidate.operation.equals(operation) || operation.isEmpty() && candidate.resourceDefault)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown Kaizala operation '" + id + "'. Valid operations: " + validIds());
    }

    /** Every valid {@code resource/operation}, grouped by resource; the default of a resource comes first. */
    public static String validIds() {
        return Arrays.stream(values()).map(KaizalaOperation::id).collect(Collectors.joining(", "));
    }
}

package org.apache.camel.component.kaizala.internal.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.camel.component.kaizala.internal.wire.ApiRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * The wire shape of one operation's request, as its row of the table declares it: method, path, query parameters and
 * extra headers. {@link #build} reads them from the exchange (checking required ones) and adds the body.
 */
public final class RequestTemplate {

    /** A query parameter: required, or sent when set (with an optional default). */
    public record Query(Parameter parameter, boolean required, String defaultValue) {}

    private final String operation;
    private final String method;
    private final boolean tokenService;
    private final String pathText;
    private final PathTemplate path;
    private final List<Query> queries;
    private final Map<String, Function<OperationInput, String>> headers;

    public RequestTemplate(String operation, String method, boolean tokenService, String path, List<Query> queries,
            Map<String, Function<OperationInput, String>> headers) {
        this.operation = operation;
        this.method = method;
        this.tokenService = tokenService;
        this.pathText = path;
        this.path = new PathTemplate(path);
        this.queries = List.copyOf(queries);
        this.headers = new LinkedHashMap<>(headers);
    }

    public String method() {
        return method;
    }

    public String path() {
        return pathText;
    }

    public boolean tokenService() {
        return tokenService;
    }

    public List<String> queryNames() {
        return queries.stream().map(q -> q.parameter().parameterName()).toList();
    }

    /** The request for this exchange, with {@code body} (null for none); a missing required value fails here. */
    public ApiRequest build(OperationInput input, Supplier<AsyncEntityProducer> body) {
        String expanded = path.expand(input);
        Map<String, String> query = queries.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (Query q : queries) {
            String value = q.required() ? input.required(q.parameter()) : input.string(q.parameter());
            if (value == null) {
                value = q.defaultValue();
            }
            if (value != null) {
                query.put(q.parameter().parameterName(), value);
            }
        }
        Map<String, String> extraHeaders = headers.isEmpty() ? Map.of() : new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String v = value.apply(input);
            if (v != null) {
                extraHeaders.put(name, v);
            }
        });
        return new ApiRequest(operation, method, tokenService, expanded, query, extraHeaders, body);
    }

    /** The same request with another body: a request built (and checked) before its body could be known. */
    public static ApiRequest withBody(ApiRequest request, Supplier<AsyncEntityProducer> body) {
        return new ApiRequest(request.operation(), request.method(), request.tokenService(), request.path(),
                request.query(),
                request.headers(), body);
    }
}

package org.apache.camel.component.kaizala.internal.operation;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.camel.component.kaizala.internal.wire.ApiRequest;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;

/**
 * A validated operation, ready to run: building one checks every input, running it sends. Most are one request; a
 * paged listing with allPages (Pager) and media/send (MediaSend) are several.
 */
@FunctionalInterface
public interface Call {

    CompletableFuture<Object> execute(KaizalaClient client);

    /** One request, its answer read by {@code reader}. */
    static Call single(ApiRequest request, Function<byte[], Object> reader) {
        return client -> client.call(request, response -> reader.apply(response.getBodyBytes()));
    }
}

package org.apache.camel.component.kaizala.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A validated operation, ready to run: building one checks every input, running it sends. Most are one request; a
 * paged listing with {@code allPages} and media/send are several.
 */
@FunctionalInterface
public interface Call {

    /** The most pages a listing with allPages fetches, so that a cursor that never ends cannot loop forever. */
    int MAX_PAGES = 1000;

    CompletableFuture<Object> execute(KaizalaClient client);

    /** One request, its answer read by {@code reader}. */
    static Call single(ApiRequest request, Function<byte[], Object> reader) {
        return client -> client.call(request).thenApply(response -> reader.apply(response.getBodyBytes()));
    }

    /**
     * Every page: {@code page} makes the call for a cursor (null for the first page), {@code next} reads the next
     * cursor from an answer (null on the last page), {@code merge} makes one answer of all pages.
     */
    static Call allPages(Function<String, Call> page, Function<Object, String> next, Function<List<Object>, Object> merge) {
        return client -> {
            List<Object> pages = new ArrayList<>();
            CompletableFuture<Object> done = new CompletableFuture<>();
            fetch(client, page, next, null, pages, merge, done);
            return done;
        };
    }

    private static void fetch(
            KaizalaClient client, Function<String, Call> page, Function<Object, String> next, String cursor,
            List<Object> pages, Function<List<Object>, Object> merge, CompletableFuture<Object> done) {
        CompletableFuture<Object> answered;
        try {
            answered = page.apply(cursor).execute(client);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        answered.whenComplete((answer, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            try { // a reader or merge that throws must fail the listing, never leave it waiting
                pages.add(answer);
                String following = next.apply(answer);
                if (following == null || Objects.equals(following, cursor) || pages.size() >= MAX_PAGES) {
                    done.complete(merge.apply(pages));
                } else {
                    fetch(client, page, next, following, pages, merge, done);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
    }
}

package org.apache.camel.component.kaizala.internal.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.component.kaizala.model.Paged;

/**
 * {@code allPages} for a paged listing: asks page after page, passing each page's {@link Paged#nextCursor()} as the
 * cursor parameter, until a page says it is the last, and answers all items as one page.
 *
 * @param <P> the listing's answer type
 */
public final class Pager<T, P extends Paged<T, P>> {

    /** The most pages one listing fetches, so that a cursor that never ends cannot loop forever. */
    public static final int MAX_PAGES = 1000;

    private final Class<P> type;
    private final Parameter cursor;

    public Pager(Class<P> type, Parameter cursor) {
        this.type = type;
        this.cursor = cursor;
    }

    public Parameter cursor() {
        return cursor;
    }

    /** Every page: {@code page} makes the call of one page from the input with the cursor set (unset for the first). */
    public Call all(OperationInput input, Function<OperationInput, Call> page) {
        Call first = page.apply(input);
        return client -> {
            CompletableFuture<Object> done = new CompletableFuture<>();
            fetch(client, first, input, page, null, new ArrayList<>(), done);
            return done;
        };
    }

    private void fetch(KaizalaClient client, Call call, OperationInput input, Function<OperationInput, Call> page,
            String current, List<P> pages, CompletableFuture<Object> done) {
        call.execute(client).whenComplete((answer, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            try { // a page that cannot be read or joined fails the listing, never leaves it waiting
                P received = type.cast(answer);
                pages.add(received);
                String next = received.nextCursor();
                if (next == null || Objects.equals(next, current) || pages.size() >= MAX_PAGES) {
                    done.complete(received.join(pages));
                } else {
                    fetch(client, page.apply(input.with(cursor, next)), input, page, next, pages, done);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
    }
}

package io.github.camelkaizala.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import io.github.camelkaizala.simulator.internal.Request;

/** Every request received, in arrival order, with the status answered. Thread-safe. */
public final class Journal {

    static final class Entry {

        private final Request request;
        private volatile int status;

        Entry(Request request) {
            this.request = request;
        }

        void status(int status) {
            this.status = status;
        }

        RecordedRequest snapshot() {
            Request r = request;
            String body = r.upload() == null ? r.body() : r.upload().transcript();
            return new RecordedRequest(r.method(), r.path(), r.resourcePath(), r.cluster(), r.query(), r.headers(),
                    body, status, r.receivedAt());
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Records a request as it arrives; the returned setter records the status answered. */
    synchronized IntConsumer add(Request request) {
        Entry e = new Entry(request);
        entries.add(e);
        return e::status;
    }

    public List<RecordedRequest> all() {
        List<Entry> copy;
        synchronized (this) {
            copy = List.copyOf(entries);
        }
        return copy.stream().map(Entry::snapshot).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /**
     * @param method    HTTP method, or null for any
     * @param pathRegex matched (whole) against {@link RecordedRequest#resourcePath()}; null for any
     */
    public List<RecordedRequest> matching(String method, String pathRegex) {
        Pattern p = pathRegex == null ? null : Pattern.compile(pathRegex);
        return all().stream()
                .filter(r -> method == null || method.equalsIgnoreCase(r.method()))
                .filter(r -> p == null || p.matcher(r.resourcePath()).matches())
                .toList();
    }

    public int count(String method, String pathRegex) {
        return matching(method, pathRegex).size();
    }
}

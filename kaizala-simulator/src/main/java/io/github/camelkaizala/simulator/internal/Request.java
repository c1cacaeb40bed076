package io.github.camelkaizala.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * A request as received, with its path split into the cluster prefix and the resource path after
 * {@code /v1}. {@code segments} (the decoded resource path segments) is null when the path has no
 * {@code /v1} in first or second position. A {@code multipart/*} body is not read here: it stays on the
 * wire as {@code upload} for its handler to stream ({@code body} is then empty).
 */
public record Request(String method, String path, String cluster, String resourcePath, List<String> segments,
        Map<String, String> query, Map<String, List<String>> headers, String body, Upload upload,
        Instant receivedAt) {

    /**
     * A multipart body still on the wire. The handler that streams it leaves a transcript for the journal
     * (the part headers, each part's content replaced by {@code <N bytes>}); the dispatcher drains whatever
     * nobody read before answering.
     */
    public static final class Upload {

        private final InputStream in;
        private final String contentType;
        private volatile String transcript = "";

        public Upload(InputStream in, String contentType) {
            this.in = in;
            this.contentType = contentType;
        }

        public InputStream in() {
            return in;
        }

        public String contentType() {
            return contentType;
        }

        public String transcript() {
            return transcript;
        }

        public void transcript(String text) {
            this.transcript = text;
        }

        /** Reads and discards the rest of the body, so that the client gets to read the answer. */
        public void drain() throws IOException {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    public static Request read(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Upload upload = null;
        String body;
        if (contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            upload = new Upload(exchange.getRequestBody(), contentType);
            body = "";
        } else {
            body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        List<String> all = Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty()).map(Request::decodeSegment)
                .toList();
        String cluster = null;
        List<String> segments = null;
        if (!all.isEmpty() && all.get(0).equalsIgnoreCase("v1")) {
            segments = all.subList(1, all.size());
        } else if (all.size() >= 2 && all.get(1).equalsIgnoreCase("v1")) {
            cluster = all.get(0);
            segments = all.subList(2, all.size());
        }
        String path = decodeSegment(rawPath);
        String resourcePath = segments == null ? path : "/" + String.join("/", segments);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, cluster, resourcePath,
                segments, query(exchange.getRequestURI().getRawQuery()), Collections.unmodifiableMap(headers), body,
                upload, Instant.now());
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
                    query.putIfAbsent(name, eq < 0 ? "" : decodeQuery(pair.substring(eq + 1)));
                }
            }
        }
        return Collections.unmodifiableMap(query);
    }

    /** Percent-decoding of a path segment: unlike a query, '+' stays '+'. Malformed escapes are kept as is. */
    private static String decodeSegment(String raw) {
        return decodeQuery(raw.replace("+", "%2B"));
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}

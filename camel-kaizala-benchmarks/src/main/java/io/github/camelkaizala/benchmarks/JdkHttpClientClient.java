package io.github.camelkaizala.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The JDK's {@code java.net.http.HttpClient} (HTTP/1.1), the same request, a pre-fetched token, blocking send. */
final class JdkHttpClientClient implements MessageClient {

    private final HttpClient client;
    private final URI uri;
    private final String token;

    JdkHttpClientClient(MessageClient.Target target) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        this.uri = URI.create(target.messagesUrl());
        this.token = target.accessToken();
    }

    @Override
    public String name() {
        return Kind.JDK.label;
    }

    @Override
    public String send(String text) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("accessToken", token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers
                        .ofByteArray(("{\"message\": \"" + text + "\"}").getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("referenceId")) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads are daemons and end when idle
    }
}

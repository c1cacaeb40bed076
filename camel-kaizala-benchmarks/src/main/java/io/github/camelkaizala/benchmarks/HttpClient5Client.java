package io.github.camelkaizala.benchmarks;

import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;

/**
 * The floor: Apache HttpClient 5's async client (the component's own transport), pooled, with a pre-fetched token,
 * the JSON concatenated by hand, the answer checked for its status and referenceId but not parsed. The calling thread
 * waits on the future, as a Camel caller waits on its exchange.
 */
final class HttpClient5Client implements MessageClient {

    private final CloseableHttpAsyncClient client;
    private final String url;
    private final String token;

    HttpClient5Client(MessageClient.Target target) {
        this.client = AsyncLoad.newClient(200);
        this.url = target.messagesUrl();
        this.token = target.accessToken();
    }

    @Override
    public String name() {
        return Kind.HTTPCLIENT5.label;
    }

    @Override
    public String send(String text) throws Exception {
        SimpleHttpRequest request = SimpleRequestBuilder.post(url)
                .setHeader("accessToken", token)
                .setHeader("Accept", "application/json")
                .setBody(("{\"message\": \"" + text + "\"}").getBytes(StandardCharsets.UTF_8),
                        ContentType.APPLICATION_JSON)
                .build();
        SimpleHttpResponse response = client.execute(request, null).get();
        String body = response.getBodyText();
        if (response.getCode() != 200 || body == null || !body.contains("referenceId")) {
            throw new IllegalStateException("HTTP " + response.getCode() + " " + body);
        }
        return body;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}

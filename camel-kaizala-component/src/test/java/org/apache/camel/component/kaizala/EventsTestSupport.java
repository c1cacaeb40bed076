package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkaizala.simulator.Webhook;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** A Kaizala test context that also serves HTTP on loopback (platform-http on Vert.x), for webhook callbacks. */
public abstract class EventsTestSupport extends KaizalaTestSupport {

    protected static final String CALLBACK_TOKEN = "test-callback-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected int port;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = freePort();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    /** The options a test consumer needs: the callback on this server (plain HTTP, allowed on loopback). */
    protected String eventsUri(String groupId, String more) {
        return "kaizala:events?groupId=" + groupId + "&webhookExternalUrl=http://127.0.0.1:" + port
                + "&allowInsecureWebhookUrl=true&callbackToken=RAW(" + CALLBACK_TOKEN + ")"
                + (more.isEmpty() ? "" : "&" + more);
    }

    /** Adds a route from {@code uri} to {@code mock:<id>}. */
    protected void addRoute(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from(uri).routeId(id).to("mock:" + id);
            }
        });
    }

    /** The simulator's webhook subscriptions of this object. */
    protected List<Webhook> webhooksOf(String objectId) {
        return simulator.state().webhooks().stream().filter(w -> objectId.equals(w.objectId())).toList();
    }

    protected String callbackUrl(String groupId) {
        return "http://127.0.0.1:" + port + "/kaizala/events/" + groupId;
    }

    protected static HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

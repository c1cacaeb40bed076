package org.apache.camel.component.kaizala;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback served over HTTPS, with the certificate given as Camel SSLContextParameters to the HTTP server: no
 * allowInsecureWebhookUrl needed, and the handshake and deliveries work over TLS.
 */
class TlsCallbackTest extends KaizalaTestSupport {

    private static final String PASSWORD = "changeit";
    private static Path keyStore;
    private int port;

    @BeforeAll
    static void makeACertificate() throws Exception {
        keyStore = Files.createTempDirectory("kaizala-tls").resolve("callback.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "callback", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    }

    @AfterAll
    static void removeTheCertificate() throws IOException {
        Files.deleteIfExists(keyStore);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keyStore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(store);
        keys.setKeyPassword(PASSWORD);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setKeyManagers(keys);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        server.setSslContextParameters(tls);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String groupId = newGroup("TLS");
        return new RouteBuilder() {

            @Override
            public void configure() {
                // Kaizala (here: a client trusting our certificate) calls https://; the simulator cannot, so no auto-register
                from("kaizala:events?groupId=" + groupId + "&webhookExternalUrl=https://127.0.0.1:" + port
                        + "&webhookPath=/tls&callbackToken=RAW(tls-token)&webhookAutoRegister=false").to("mock:tls");
            }
        };
    }

    private static HttpClient trustingClient() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theCallbackIsServedOverTls() throws Exception {
        HttpClient client = trustingClient();
        String url = "https://127.0.0.1:" + port + "/tls";

        HttpResponse<String> validation = client
                .send(HttpRequest.newBuilder(URI.create(url + "?validationToken=over-tls"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(validation.statusCode()).isEqualTo(200);
        assertThat(validation.body()).isEqualTo("over-tls");

        MockEndpoint received = getMockEndpoint("mock:tls");
        received.expectedMessageCount(1);
        String event = "{\"objectId\":\"g\",\"objectType\":\"Group\",\"eventType\":\"TextMessageCreated\",\"eventId\":\"tls-1\","
                + "\"data\":{\"text\":\"encrypted all the way\"}}";
        HttpResponse<String> delivery = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("kz-callback-token", "tls-token")
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delivery.statusCode()).isEqualTo(200);
        received.assertIsSatisfied();

        // and plain HTTP is not served on that port
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/tls?validationToken=x")).timeout(Duration.ofSeconds(5)).GET()
                .build(),
                HttpResponse.BodyHandlers.ofString()))).isInstanceOf(IOException.class);
    }
}

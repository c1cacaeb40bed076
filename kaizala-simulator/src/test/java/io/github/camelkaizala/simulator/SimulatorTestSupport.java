package io.github.camelkaizala.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh simulator per test, and a small JDK HttpClient wrapper. */
abstract class SimulatorTestSupport {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper MAPPER = new ObjectMapper();

    KaizalaSimulator sim;
    String token;

    /** Override to configure the simulator. */
    KaizalaSimulator.Builder builder() {
        return KaizalaSimulator.builder();
    }

    @BeforeEach
    void startSimulator() {
        sim = builder().start();
        token = sim.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    record Reply(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A resource call with the test's access token: {@code path} is relative to {@code {endpointUrl}v1}. */
    Reply api(String method, String path, String body) {
        return send(method, sim.endpointUrl() + "v1" + path, body, "accessToken", token);
    }

    static Reply send(String method, String url, String body, String... headers) {
        try {
            return sendOrThrow(CLIENT, method, url, body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply sendOrThrow(HttpClient client, String method, String url, String body, String... headers)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    Reply accessToken(String applicationId, String secret, String refreshToken) {
        return send("GET", sim.authUrl() + "/accessToken", null,
                "applicationId", applicationId, "applicationSecret", secret, "refreshToken", refreshToken);
    }

    Reply defaultAccessToken() {
        return accessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID, KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
    }

    /** A refresh token for another user, through the PIN flow. */
    String loginWithPin(String mobile) {
        String app = KaizalaSimulator.DEFAULT_APPLICATION_ID;
        Reply pin = send("POST", sim.authUrl() + "/generatePin",
                "{\"mobileNumber\":\"" + mobile + "\",\"applicationId\":\"" + app + "\"}");
        if (pin.status() != 200) {
            throw new AssertionError("generatePin: " + pin);
        }
        Reply login = send("POST", sim.authUrl() + "/loginWithPinAndApplicationId", "{\"mobileNumber\":\"" + mobile
                + "\",\"applicationId\":\"" + app + "\",\"pin\":" + sim.lastPin(mobile) + "}");
        if (login.status() != 200) {
            throw new AssertionError("login: " + login);
        }
        return login.json().get("refreshToken").asText();
    }

    /** An access token for another user (via the PIN flow and the token service). */
    String accessTokenFor(String mobile) {
        Reply r = accessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID, KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                loginWithPin(mobile));
        return r.json().get("accessToken").asText();
    }

    /** Asserts an error answer: status, {@code errorCode}, and a message mentioning {@code mentioned} (e.g. the field). */
    static void assertError(Reply r, int status, String errorCode, String mentioned) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("errorCode").asText()).as(r.body()).isEqualTo(errorCode);
        assertThat(r.json().get("message").asText()).as(r.body()).contains(mentioned);
    }

    /** One part of a multipart body; {@code fileName} and {@code contentType} may be null (then left out). */
    record Part(String name, String fileName, String contentType, byte[] content) {}

    static final String BOUNDARY = "----kzb0undary7MA4YWxkTrZu0gW";

    /** The bytes of a multipart/form-data body with {@link #BOUNDARY}. */
    static byte[] multipart(Part... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder(
                    "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\"");
            if (p.fileName() != null) {
                head.append("; filename=\"").append(p.fileName()).append('"');
            }
            head.append("\r\n");
            if (p.contentType() != null) {
                head.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** {@code POST /media} with these parts. */
    Reply upload(Part... parts) {
        return uploadRaw(HttpRequest.BodyPublishers.ofByteArray(multipart(parts)),
                "multipart/form-data; boundary=" + BOUNDARY);
    }

    Reply uploadRaw(HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.endpointUrl() + "v1/media"))
                .timeout(Duration.ofSeconds(20)).header("accessToken", token).header("Content-Type", contentType)
                .POST(body).build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads a small JPEG-looking file and returns its mediaResource. */
    String uploadImage(String fileName) {
        Reply r = upload(new Part("FileName", fileName, "image/jpeg",
                new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3}));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("mediaResource").asText();
    }

    /** Sends a JSON body built from a text block, with single quotes standing for double quotes. */
    Reply apiJson(String method, String path, String singleQuotedJson) {
        return api(method, path, singleQuotedJson.replace('\'', '"'));
    }

    static String enc(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

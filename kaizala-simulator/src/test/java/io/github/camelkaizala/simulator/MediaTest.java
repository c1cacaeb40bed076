package io.github.camelkaizala.simulator;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.internal.Multipart;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_USER_MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

class MediaTest extends SimulatorTestSupport {

    @Test
    void uploadAnswersAMediaResourceAndKeepsWhatWasSent() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        Reply r = upload(new Part("FileName", "shelf-store17.jpg", "image/jpeg", jpeg));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String resource = r.json().get("mediaResource").asText();
        JsonNode decoded = MAPPER.readTree(Base64.getDecoder().decode(resource));
        assertThat(decoded.get("ActionType").asText()).isEqualTo("Image");
        assertThat(decoded.get("Files").get(0).get("Name").asText()).isEqualTo("shelf-store17.jpg");
        assertThat(decoded.get("Files").get(0).get("Size").asLong()).isEqualTo(jpeg.length);

        Media m = sim.state().media(resource).orElseThrow();
        assertThat(sim.state().media()).containsExactly(m);
        assertThat(m.uploader()).isEqualTo(DEFAULT_USER_MOBILE);
        assertThat(m.actionType()).isEqualTo("Image");
        assertThat(m.file().name()).isEqualTo("shelf-store17.jpg");
        assertThat(m.file().contentType()).isEqualTo("image/jpeg");
        assertThat(m.file().size()).isEqualTo(jpeg.length);
        assertThat(m.file().sha256()).isEqualTo(sha256(jpeg));
        assertThat(m.file().head()).isEqualTo(jpeg);

        String transcript = sim.journal().matching("POST", "/media").get(0).body();
        assertThat(transcript).contains("name=\"FileName\"; filename=\"shelf-store17.jpg\"")
                .contains("Content-Type: image/jpeg").contains("<10 bytes>").contains("--" + BOUNDARY + "--")
                .doesNotContain("JFIF");
    }

    @Test
    void fiveMebibytesAreStreamedAndDigested() throws Exception {
        byte[] video = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(video);
        byte[] head = ("--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"FileName\"; filename=\"walkthrough.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        // an InputStream publisher has no length: the body travels chunked
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                new SequenceInputStream(new ByteArrayInputStream(head), new ByteArrayInputStream(video)),
                new ByteArrayInputStream(tail)));

        Reply r = uploadRaw(body, "multipart/form-data; boundary=" + BOUNDARY);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        MediaFile f = sim.state().media(r.json().get("mediaResource").asText()).orElseThrow().file();
        assertThat(f.size()).isEqualTo(5L * 1024 * 1024);
        assertThat(f.sha256()).isEqualTo(sha256(video));
        assertThat(f.head()).hasSize(Multipart.HEAD_BYTES);
        assertThat(sim.state().media(r.json().get("mediaResource").asText()).orElseThrow().actionType())
                .isEqualTo("Video");
        assertThat(sim.journal().all().get(0).body()).contains("<5242880 bytes>").hasSizeLessThan(1000);
    }

    @Test
    void expectContinueAndAQuotedBoundary() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(sim.endpointUrl() + "v1/media"))
                .expectContinue(true).header("accessToken", token)
                .header("Content-Type", "multipart/form-data; boundary=\"" + BOUNDARY + "\"")
                .POST(HttpRequest.BodyPublishers
                        .ofByteArray(multipart(new Part("FileName", "logo.png", "image/png", png))))
                .build();
        java.net.http.HttpResponse<String> r = CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(sim.state().media()).singleElement()
                .satisfies(m -> assertThat(m.file().sha256()).isEqualTo(sha256(png)));
    }

    @Test
    void aFilePartWithoutAProperTypeIs415() {
        byte[] bytes = {1, 2, 3};
        assertError(upload(new Part("FileName", "a.jpg", null, bytes)), 415, "UnsupportedMediaType", "no Content-Type");
        assertError(upload(new Part("FileName", "a.txt", "text/plain", bytes)), 415, "UnsupportedMediaType",
                "text/plain");
        assertError(upload(new Part("FileName", "a.exe", "application/octet-stream", bytes)), 415,
                "UnsupportedMediaType",
                "application/octet-stream");
        assertError(api("POST", "/media", "{\"file\":\"a.jpg\"}"), 415, "UnsupportedMediaType", "multipart/form-data");
        assertThat(sim.state().media()).isEmpty();
        // parameters and capitals in the part's type are fine
        assertThat(upload(new Part("FileName", "a.pdf", "Application/PDF; name=a.pdf", bytes)).status()).isEqualTo(200);
    }

    @Test
    void otherPartNamesAndSeveralFiles() {
        byte[] bytes = {1, 2, 3};
        Reply files = upload(new Part("files", "a.png", "image/png", bytes));
        assertThat(files.status()).as(files.body()).isEqualTo(200);
        Reply single = upload(new Part("attachment", "memo.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes));
        assertThat(single.status()).as(single.body()).isEqualTo(200);
        Reply withField = upload(new Part("caption", null, null, "hello".getBytes(StandardCharsets.UTF_8)),
                new Part("FileName", "song.mp3", "audio/mpeg", bytes));
        assertThat(withField.status()).as(withField.body()).isEqualTo(200);
        Reply album = upload(new Part("FileName", "1.jpg", "image/jpeg", bytes),
                new Part("FileName", "2.png", "image/png", bytes));
        assertThat(album.status()).as(album.body()).isEqualTo(200);

        assertThat(sim.state().media()).extracting(Media::actionType).containsExactly("Image", "Document", "Audio",
                "Album");
        assertThat(sim.state().media().get(2).files()).extracting(MediaFile::name).containsExactly("song.mp3");
        assertThat(sim.state().media().get(3).files()).extracting(MediaFile::name).containsExactly("1.jpg", "2.png");
    }

    @Test
    void malformedUploadsAre400() {
        byte[] bytes = {1, 2, 3};
        assertError(upload(new Part("caption", null, null, bytes), new Part("note", null, null, bytes)), 400,
                "MissingField",
                "FileName");
        String noEnd = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"FileName\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\nabc";
        assertError(uploadRaw(HttpRequest.BodyPublishers.ofString(noEnd), "multipart/form-data; boundary=" + BOUNDARY),
                400,
                "InvalidMultipart", "closing boundary");
        assertError(uploadRaw(
                HttpRequest.BodyPublishers.ofByteArray(multipart(new Part("FileName", "a.jpg", "image/jpeg", bytes))),
                "multipart/form-data"), 400, "InvalidMultipart", "boundary");
        assertError(
                uploadRaw(HttpRequest.BodyPublishers.ofString("no parts here"),
                        "multipart/form-data; boundary=" + BOUNDARY),
                400, "InvalidMultipart", "boundary");
        assertThat(sim.state().media()).isEmpty();
    }

    @Test
    void aRefusedUploadIsStillAnswered() {
        byte[] big = new byte[2 * 1024 * 1024];
        token = "at-forged";
        Reply r = upload(new Part("FileName", "big.png", "image/png", big));
        assertThat(r.status()).isEqualTo(401);
        sim.faults().next(1, "POST", "/media", Fault.status(503));
        token = sim.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        assertThat(upload(new Part("FileName", "big.png", "image/png", big)).status()).isEqualTo(503);
        assertThat(upload(new Part("FileName", "big.png", "image/png", big)).status()).isEqualTo(200);
        assertThat(sim.journal().all()).extracting(RecordedRequest::status).containsExactly(401, 503, 200);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

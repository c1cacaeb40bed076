package io.github.camelkaizala.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator as a user runs it: {@code java -jar kaizala-simulator-<version>-standalone.jar …} launched as a
 * process, talked to over HTTP only (its printed settings, Kaizala's API, the admin API).
 */
class StandaloneJarIT {

    private static final String MEMBER = "+15550100001";
    private static final long WAIT_SECONDS = 60;

    private Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void helpListsTheOptionsAndABadOptionExits2() throws Exception {
        launch("--help");
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        String help = String.join("\n", drain());
        assertThat(help).contains("Usage: java -jar kaizala-simulator-").contains("--group NAME[=MOBILE,...]")
                .contains("--pin NNNN").contains("--print-pins").contains("--group-id-suffix")
                .contains("--log-requests")
                .contains("--port N");

        launch("--bogus");
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(drain()).contains("unknown option: --bogus", "Try --help.");
    }

    @Test
    void aUserConfiguresFromThePrintedSettingsAndPlaysAMemberOverTheAdminApi() throws Exception {
        launch("--port", "0", "--group", "Field Sales=" + MEMBER, "--group-id-suffix", "@1", "--pin", "4321",
                "--print-pins", "--log-requests");
        List<String> start = awaitLine(Main.READY::equals);
        String authUrl = property(start, "authUrl");
        assertThat(authUrl).matches("http://127\\.0\\.0\\.1:\\d+/v1");
        String base = authUrl.substring(0, authUrl.length() - "/v1".length());
        String groupLine = start.stream().filter(l -> l.contains("Field Sales")).findFirst().orElseThrow();
        assertThat(groupLine).contains("@1").contains(MEMBER);

        // the component's side: an access token with the printed credentials, then Kaizala's API
        SimulatorTestSupport.Reply token = SimulatorTestSupport.send("GET", authUrl + "/accessToken", null,
                "applicationId", property(start, "applicationId"), "applicationSecret",
                property(start, "applicationSecret"),
                "refreshToken", property(start, "refreshToken"));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String accessToken = token.json().get("accessToken").asText();
        String endpointUrl = token.json().get("endpointUrl").asText();
        SimulatorTestSupport.Reply groups = SimulatorTestSupport.send("GET", endpointUrl + "v1/groups", null,
                "accessToken", accessToken);
        assertThat(groups.json().get("groups").get(0).get("groupName").asText()).isEqualTo("Field Sales");
        String groupId = groups.json().get("groups").get(0).get("groupId").asText();
        assertThat(groupId).endsWith("@1");

        // one readable line per request, without the secrets
        List<String> logged = awaitLine(l -> l.startsWith("GET /kms-1/v1/groups -> 200"));
        assertThat(logged).anyMatch(l -> l.startsWith("GET /v1/accessToken -> 200 ("));
        assertThat(String.join("\n", logged)).doesNotContain(accessToken);

        // the admin API: play a member, read the state and the journal
        JsonNode index = admin("GET", base + "/admin", null);
        assertThat(index.get("authUrl").asText()).isEqualTo(authUrl);
        assertThat(index.get("operations").toString()).contains("/admin/groups/{groupId}/messages");
        JsonNode posted = admin("POST", base + "/admin/groups/" + groupId + "/messages",
                "{\"from\": \"" + MEMBER + "\", \"text\": \"hello from a member\"}");
        JsonNode survey = admin("POST", base + "/admin/groups/" + groupId + "/actions", "{\"from\": \"" + MEMBER
                + "\", \"actionType\": \"Survey\", \"actionBody\": {\"title\": \"Stock\", \"questions\": "
                + "[{\"title\": \"Cartons\", \"type\": \"Numeric\"}]}}");
        String newcomer = "+15550100009";
        assertThat(admin("POST", base + "/admin/groups/" + groupId + "/join", "{\"mobile\": \"" + newcomer + "\"}")
                .get("changed").asBoolean()).isTrue();
        JsonNode answered = admin("POST", base + "/admin/groups/" + groupId + "/actions/"
                + survey.get("actionId").asText() + "/responses",
                "{\"from\": \"" + newcomer + "\", \"answers\": [14]}");
        JsonNode state = admin("GET", base + "/admin/state", null);
        JsonNode group = state.get("groups").get(0);
        assertThat(group.get("messages").get(0).get("referenceId").asText())
                .isEqualTo(posted.get("referenceId").asText());
        assertThat(group.get("messages").get(0).get("text").asText()).isEqualTo("hello from a member");
        assertThat(group.get("actions").get(0).get("responses").get(0).get("responseId").asText())
                .isEqualTo(answered.get("responseId").asText());
        assertThat(group.get("members").toString()).contains(newcomer);
        SimulatorTestSupport.Reply refused = SimulatorTestSupport.send("POST", base + "/admin/groups/" + groupId
                + "/messages", "{\"from\": \"+15550100777\", \"text\": \"not a member\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("not a member");

        JsonNode journal = admin("GET", base + "/admin/journal", null).get("requests");
        assertThat(journal).extracting(r -> r.get("method").asText() + " " + r.get("resourcePath").asText())
                .containsExactly("GET /accessToken", "GET /groups"); // the admin calls are not journalled
        assertThat(journal.toString()).doesNotContain(accessToken).doesNotContain("applicationSecret");

        // the PIN flow with the fixed PIN, printed
        SimulatorTestSupport.Reply pin = SimulatorTestSupport.send("POST", authUrl + "/generatePin",
                "{\"mobileNumber\": \"" + MEMBER + "\", \"applicationId\": \"" + property(start, "applicationId")
                        + "\"}");
        assertThat(pin.status()).as(pin.body()).isEqualTo(200);
        assertThat(awaitLine(l -> l.startsWith("PIN for "))).contains("PIN for " + MEMBER + ": 4321");
        SimulatorTestSupport.Reply login = SimulatorTestSupport.send("POST", authUrl + "/loginWithPinAndApplicationId",
                "{\"mobileNumber\": \"" + MEMBER + "\", \"applicationId\": \"" + property(start, "applicationId")
                        + "\", \"pin\": 4321}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    private void launch(String... args) throws IOException {
        lines.clear();
        List<String> command = new ArrayList<>(
                List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jar().toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<output closed: " + e.getMessage() + ">");
            }
        }, "simulator-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static Path jar() throws IOException {
        String configured = System.getProperty("kaizala.simulator.jar");
        if (configured != null) {
            return Paths.get(configured);
        }
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-standalone.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/*-standalone.jar: run mvn package first"));
        }
    }

    /** The lines printed until one matches (all of them, the match last); fails after the bounded wait. */
    private List<String> awaitLine(java.util.function.Predicate<String> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<String> got = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                got.add(line);
                seen.add(line);
                if (match.test(line)) {
                    return got;
                }
            }
        }
        throw new AssertionError(
                "the simulator did not print the expected line; it printed:\n" + String.join("\n", seen));
    }

    private List<String> drain() throws InterruptedException {
        Thread.sleep(200); // the reader thread's last lines
        List<String> got = new ArrayList<>();
        lines.drainTo(got);
        return got;
    }

    private static String property(List<String> lines, String name) {
        String prefix = "camel.component.kaizala." + name + "=";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " line in:\n" + String.join("\n", lines)));
    }

    private static JsonNode admin(String method, String url, String body) {
        SimulatorTestSupport.Reply r = SimulatorTestSupport.send(method, url, body);
        assertThat(r.status()).as(method + " " + url + ": " + r.body()).isEqualTo(200);
        return r.json();
    }
}

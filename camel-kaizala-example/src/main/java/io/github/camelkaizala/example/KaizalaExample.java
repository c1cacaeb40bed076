package io.github.camelkaizala.example;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.main.Main;

/**
 * The showcase: a survey posted to a Kaizala group, answered by its members, tallied from Kaizala's webhook events and
 * posted back as a message — routes in YAML (src/main/resources/routes) and Java ({@link ResultsRoute}), on Camel Main.
 * <p>
 * With no configuration it runs on the embedded Kaizala simulator, which also plays the members, and exits when the
 * results are posted ({@code --keep-running} keeps it up). To run against a Kaizala tenant, set
 * {@code KAIZALA_APPLICATION_ID}, {@code KAIZALA_APPLICATION_SECRET}, {@code KAIZALA_REFRESH_TOKEN} (read by
 * application.properties, as in the README), {@code KAIZALA_GROUP_ID} and {@code KAIZALA_PUBLIC_URL} (the HTTPS
 * address at which Kaizala reaches this application's port {@code camel.server.port}, e.g. through a reverse proxy).
 */
public final class KaizalaExample {

    private KaizalaExample() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = Arrays.asList(args).contains("--keep-running");
        Main main = new Main();
        main.configure().addRoutesBuilder(new ResultsRoute());
        main.bind("surveyTally", new SurveyTally());
        main.bind("scenario", new ScenarioEnd(main, keepRunning));

        KaizalaSimulator simulator = null;
        String groupId = setting("KAIZALA_GROUP_ID", "kaizala.group-id");
        int port = freePort();
        if (setting("KAIZALA_APPLICATION_ID", "camel.component.kaizala.application-id") == null) {
            simulator = KaizalaSimulator.start();
            groupId = simulator.state().createGroup("Field Sales North", GroupMembers.mobiles().toArray(String[]::new))
                    .id();
            main.addOverrideProperty("camel.component.kaizala.auth-url", simulator.authUrl());
            main.addOverrideProperty("camel.component.kaizala.application-id", KaizalaSimulator.DEFAULT_APPLICATION_ID);
            main.addOverrideProperty("camel.component.kaizala.application-secret",
                    KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
            main.addOverrideProperty("camel.component.kaizala.refresh-token", KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
            // the simulator calls the callback on loopback, over plain HTTP
            main.addOverrideProperty("camel.component.kaizala.allow-insecure-webhook-url", "true");
            main.addOverrideProperty("kaizala.public-url", "http://127.0.0.1:" + port);
            if (!keepRunning) {
                // the simulated members answer within seconds: should something go wrong, the demo still ends
                main.addOverrideProperty("camel.main.duration-max-seconds", "120");
            }
            System.out.println("No Kaizala credentials configured: running on the embedded Kaizala simulator ("
                    + simulator.baseUri() + "); group 'Field Sales North' " + groupId);
        } else {
            if (groupId == null) {
                throw new IllegalArgumentException("Set KAIZALA_GROUP_ID (or -Dkaizala.group-id) to the group to use");
            }
            String publicUrl = setting("KAIZALA_PUBLIC_URL", "kaizala.public-url");
            if (publicUrl == null) {
                throw new IllegalArgumentException("Set KAIZALA_PUBLIC_URL: the HTTPS address Kaizala calls back");
            }
            main.addOverrideProperty("kaizala.public-url", publicUrl);
        }
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("kaizala.group-id", groupId);
        main.addOverrideProperty("kaizala.expected-answers", String.valueOf(GroupMembers.expectedAnswers()));
        main.bind("groupMembers", new GroupMembers(simulator, groupId));

        try {
            main.run(args);
        } finally {
            if (simulator != null) {
                printTranscriptOfTheGroup(simulator, groupId);
                simulator.close();
            }
        }
    }

    private static void printTranscriptOfTheGroup(KaizalaSimulator simulator, String groupId) {
        var group = simulator.state().group(groupId).orElseThrow();
        System.out.println();
        System.out.println("What the group 'Field Sales North' shows now:");
        group.actions().forEach(a -> System.out.println("  [" + a.actionType() + "] " + a.body().path("title").asText()
                + " — " + a.responses().size() + " responses"));
        group.messages().forEach(m -> System.out.println("  [message] " + m.text()));
    }

    private static String setting(String environmentVariable, String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static int freePort() throws IOException {
        String configured = System.getProperty("camel.server.port");
        if (configured != null) {
            return Integer.parseInt(configured);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

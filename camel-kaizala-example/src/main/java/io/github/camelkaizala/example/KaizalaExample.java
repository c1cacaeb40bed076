package io.github.camelkaizala.example;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.main.Main;

/**
 * Runs the example routes (src/main/resources/routes/*.yaml and {@link JavaMessagesRoute}) with Camel Main.
 * <p>
 * With no Kaizala credentials configured, it starts the embedded Kaizala simulator, creates a group there and points
 * the kaizala component at it, so it runs with no account. To run against a Kaizala service instead, set
 * {@code CAMEL_COMPONENT_KAIZALA_APPLICATION_ID}, {@code CAMEL_COMPONENT_KAIZALA_APPLICATION_SECRET},
 * {@code CAMEL_COMPONENT_KAIZALA_REFRESH_TOKEN} and {@code KAIZALA_GROUP_ID} (or the same as system properties:
 * {@code camel.component.kaizala.application-id}, … and {@code kaizala.group-id}).
 */
public final class KaizalaExample {

    private KaizalaExample() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new JavaMessagesRoute());

        KaizalaSimulator simulator = null;
        String groupId = setting("KAIZALA_GROUP_ID", "kaizala.group-id");
        if (setting("CAMEL_COMPONENT_KAIZALA_APPLICATION_ID", "camel.component.kaizala.application-id") == null) {
            simulator = KaizalaSimulator.start();
            groupId = simulator.state().createGroup("Camel Kaizala example", "+15550100001", "+15550100002").id();
            main.addOverrideProperty("camel.component.kaizala.auth-url", simulator.authUrl());
            main.addOverrideProperty("camel.component.kaizala.application-id", KaizalaSimulator.DEFAULT_APPLICATION_ID);
            main.addOverrideProperty("camel.component.kaizala.application-secret", KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
            main.addOverrideProperty("camel.component.kaizala.refresh-token", KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
            System.out.println("No Kaizala credentials configured: using the embedded Kaizala simulator at "
                               + simulator.baseUri() + ", group " + groupId);
        } else if (groupId == null) {
            throw new IllegalArgumentException("Set KAIZALA_GROUP_ID (or -Dkaizala.group-id) to the group to post to");
        }
        main.addOverrideProperty("kaizala.group-id", groupId);

        try {
            main.run(args);
        } finally {
            if (simulator != null) {
                printWhatTheGroupHolds(simulator, groupId);
                simulator.close();
            }
        }
    }

    private static void printWhatTheGroupHolds(KaizalaSimulator simulator, String groupId) {
        var messages = simulator.state().group(groupId).orElseThrow().messages();
        System.out.println();
        System.out.println("The simulated Kaizala group now holds " + messages.size() + " message(s):");
        messages.forEach(m -> System.out.println("  " + m.referenceId() + "  " + m.text()));
    }

    private static String setting(String environmentVariable, String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}

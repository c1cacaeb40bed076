package org.apache.camel.component.kaizala;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel Main (and Camel JBang, which runs on it) logs an "auto-configuration summary" of the camel.* properties it
 * applied. Camel masks refreshToken and accessToken by name; the component adds applicationSecret and callbackToken,
 * with or without the user's own camel.main.additional-sensitive-keywords.
 */
class StartupSummaryTest {

    private static final String APPLICATION_SECRET = "app-secret-7d1f";
    private static final String CALLBACK_TOKEN = "callback-token-93ab";
    private static final String REFRESH_TOKEN = "refresh-token-55c2";

    @ParameterizedTest
    @ValueSource(strings = {"", "groupId", "applicationSecret"})
    void theSummaryPrintsNoSecret(String userKeywords, @TempDir Path dir) throws Exception {
        // an application.properties as a user writes it (properties given in code are summarised at DEBUG only)
        Path properties = Files.writeString(dir.resolve("application.properties"), String.join("\n",
                "camel.main.name = startup-summary",
                userKeywords.isEmpty() ? "" : "camel.main.additional-sensitive-keywords = " + userKeywords,
                "camel.component.kaizala.application-id = summary-connector",
                "camel.component.kaizala.application-secret = " + APPLICATION_SECRET,
                "camel.component.kaizala.callback-token = " + CALLBACK_TOKEN,
                "camel.component.kaizala.refresh-token = " + REFRESH_TOKEN,
                "camel.component.kaizala.max-retries = 4",
                "camel.component.kaizala.group-id = group-4411"));
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + properties);

        String log;
        try (LogCapture capture = new LogCapture(Level.INFO)) {
            main.start();
            main.stop();
            log = capture.text();
        }

        assertThat(log).contains("camel.component.kaizala.maxRetries = 4")
                .contains("camel.component.kaizala.applicationSecret = xxxxxx")
                .contains("camel.component.kaizala.callbackToken = xxxxxx")
                .contains("camel.component.kaizala.refreshToken = xxxxxx")
                .doesNotContain(APPLICATION_SECRET).doesNotContain(CALLBACK_TOKEN).doesNotContain(REFRESH_TOKEN);
        if (userKeywords.equals("groupId")) {
            assertThat(log).as("the user's own keyword still applies").doesNotContain("group-4411");
        } else {
            assertThat(log).contains("camel.component.kaizala.groupId = group-4411");
        }
    }
}

package io.github.camelkaizala.simulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainTest {

    @Test
    void parsesOptionsAndStarts() {
        Main.Options options = Main
                .parse(new String[]{"--port", "0", "--access-token-ttl", "PT1H", "--throttling", "1,2",
                        "--group", "Field Sales=+15550100001, +15550100002", "--public-group", "News", "--pin", "4321",
                        "--print-pins", "--log-requests", "--group-id-suffix", "@1"});
        assertThat(options.groups()).containsExactly(
                new Main.Seed("Field Sales", List.of("+15550100001", "+15550100002"), false),
                new Main.Seed("News", List.of(), true));
        assertThat(options.printPins()).isTrue();
        assertThat(options.logRequests()).isTrue();
        assertThat(options.help()).isFalse();
        try (KaizalaSimulator sim = options.builder().start()) {
            assertThat(sim.port()).isPositive();
            List<Group> seeded = Main.seed(sim, options.groups());
            assertThat(seeded).extracting(Group::id).allMatch(id -> id.endsWith("@1"));
            String summary = Main.summary(sim, seeded);
            assertThat(summary).contains("camel.component.kaizala.authUrl=" + sim.authUrl() + "\n")
                    .contains("export CAMEL_COMPONENT_KAIZALA_APPLICATION_SECRET="
                            + KaizalaSimulator.DEFAULT_APPLICATION_SECRET)
                    .contains(seeded.get(0).id() + "  Field Sales").contains("News (public)");
        }
        assertThat(Main.parse(new String[]{"--throttling"})).isNotNull();
        assertThat(Main.parse(new String[]{"--help"}).help()).isTrue();
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> Main.parse(new String[]{"--port"})).hasMessage("--port needs a value");
        assertThatThrownBy(() -> Main.parse(new String[]{"--bogus"})).hasMessage("unknown option: --bogus");
        assertThatThrownBy(() -> Main.parse(new String[]{"--access-token-ttl", "1h"})).hasMessageContaining("PT1H");
        assertThatThrownBy(() -> Main.parse(new String[]{"--pin", "12"})).hasMessageContaining("4 digits");
        assertThatThrownBy(() -> Main.parse(new String[]{"--group", "=+15550100001"}))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> Main.parse(new String[]{"--group", "Team=15550100001"}))
                .hasMessageContaining("phone number");
    }

    @Test
    void environmentNamesFollowCamelsRule() {
        assertThat(Main.environmentName("camel.component.kaizala.authUrl"))
                .isEqualTo("CAMEL_COMPONENT_KAIZALA_AUTH_URL");
        assertThat(Main.environmentName("camel.component.kaizala.refreshToken"))
                .isEqualTo("CAMEL_COMPONENT_KAIZALA_REFRESH_TOKEN");
    }
}

package io.github.camelkaizala.quarkus.deployment;

import java.util.Map;
import java.util.stream.Stream;

import io.github.camelkaizala.quarkus.KaizalaEventRoutes;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.jboss.logging.Logger;

/**
 * Dev Services for Kaizala: in dev and test mode, when the application configures no Kaizala connector, the Kaizala
 * simulator starts (in this JVM, on a free port of 127.0.0.1, with one group) and the component is pointed at it.
 */
@BuildSteps(onlyIf = {IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class})
class KaizalaDevServicesProcessor {

    static final String PREFIX = "camel.component.kaizala.";
    /** The group Dev Services seeded, for routes that name it: {@code groupId={{kaizala.devservices.group-id}}}. */
    static final String GROUP_ID = "kaizala.devservices.group-id";

    private static final Logger LOG = Logger.getLogger(KaizalaDevServicesProcessor.class);

    /** One simulator for the life of the application: dev-mode restarts keep it (and its state). */
    private static volatile KaizalaSimulatorService running;

    @BuildStep
    DevServicesResultBuildItem simulator(KaizalaBuildTimeConfig config, CuratedApplicationShutdownBuildItem shutdown) {
        if (!config.devservices().enabled()) {
            LOG.debug("Not starting Dev Services for Kaizala: quarkus.kaizala.devservices.enabled=false");
            return null;
        }
        String configured = Stream.of("application-id", "refresh-token", "access-token", "auth-url")
                .map(option -> PREFIX + option).filter(ConfigUtils::isPropertyNonEmpty).findFirst().orElse(null);
        if (configured != null) {
            LOG.debugf("Not starting Dev Services for Kaizala: %s is configured", configured);
            return null;
        }
        String groupName = config.devservices().groupName();
        KaizalaSimulatorService simulator = running;
        if (simulator == null || !simulator.groupName().equals(groupName)) {
            if (simulator != null) {
                simulator.close();
            }
            simulator = new KaizalaSimulatorService(groupName);
            started(simulator);
            running = simulator;
            shutdown.addCloseTask(KaizalaDevServicesProcessor::stop, true);
        }
        return DevServicesResultBuildItem.discovered()
                .name(KaizalaProcessor.FEATURE)
                .description("Kaizala simulator " + simulator.baseUri())
                .config(settings(simulator))
                .build();
    }

    /** What the application gets: the component pointed at the simulator, with its connector and group. */
    static Map<String, String> settings(KaizalaSimulatorService simulator) {
        return Map.of(
                PREFIX + "auth-url", simulator.authUrl(),
                PREFIX + "application-id", KaizalaSimulator.DEFAULT_APPLICATION_ID,
                PREFIX + "application-secret", KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                PREFIX + "refresh-token", KaizalaSimulator.DEFAULT_REFRESH_TOKEN,
                PREFIX + "group-id", simulator.groupId(),
                // the simulator calls back this application over plain HTTP on localhost
                PREFIX + "allow-insecure-webhook-url", "true",
                KaizalaEventRoutes.LOCAL_CALLBACK, "true",
                GROUP_ID, simulator.groupId());
    }

    private static synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    private static void started(KaizalaSimulatorService simulator) {
        // the simulator's connector credentials are fixed dummies (KaizalaSimulator.DEFAULT_*), yet they are set as
        // secrets and so not printed, as no Kaizala secret is
        LOG.infof("Dev Services for Kaizala started the Kaizala simulator at %s: token service %s, connector %s"
                + " (applicationSecret and refreshToken: the simulator's fixed dummies, not shown), group '%s' %s"
                + " (camel.component.kaizala.group-id, also %s)",
                simulator.baseUri(), simulator.authUrl(), KaizalaSimulator.DEFAULT_APPLICATION_ID,
                simulator.groupName(), simulator.groupId(), GROUP_ID);
    }
}

package io.github.camelkaizala.quarkus.deployment;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.camelkaizala.quarkus.KaizalaEventRoutes;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.jboss.logging.Logger;

/**
 * Dev Services for Kaizala: in dev and test mode, when the application configures no Kaizala connector, the Kaizala
 * simulator starts (in this JVM, on a free port of 127.0.0.1, with one group) and the component is pointed at it.
 */
@BuildSteps(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
class KaizalaDevServicesProcessor {

    static final String PREFIX = "camel.component.kaizala.";
    /** The group Dev Services seeded, for routes that name it: {@code groupId={{kaizala.devservices.group-id}}}. */
    static final String GROUP_ID = "kaizala.devservices.group-id";

    private static final Logger LOG = Logger.getLogger(KaizalaDevServicesProcessor.class);

    @BuildStep
    DevServicesResultBuildItem simulator(KaizalaBuildTimeConfig config) {
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
        Map<String, Function<KaizalaSimulatorService, String>> settings = Map.of(
                PREFIX + "auth-url", KaizalaSimulatorService::authUrl,
                PREFIX + "application-id", s -> KaizalaSimulator.DEFAULT_APPLICATION_ID,
                PREFIX + "application-secret", s -> KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                PREFIX + "refresh-token", s -> KaizalaSimulator.DEFAULT_REFRESH_TOKEN,
                PREFIX + "group-id", KaizalaSimulatorService::groupId,
                // the simulator calls back this application over plain HTTP on localhost
                PREFIX + "allow-insecure-webhook-url", s -> "true",
                KaizalaEventRoutes.LOCAL_CALLBACK, s -> "true",
                GROUP_ID, KaizalaSimulatorService::groupId);
        String groupName = config.devservices().groupName();
        return DevServicesResultBuildItem.<KaizalaSimulatorService> owned()
                .feature(KaizalaProcessor.FEATURE)
                .serviceName("kaizala-simulator")
                .serviceConfig(groupName)
                .startable(() -> new KaizalaSimulatorService(groupName))
                .postStartHook(KaizalaDevServicesProcessor::started)
                .configProvider(settings)
                .build();
    }

    private static void started(KaizalaSimulatorService simulator) {
        // the simulator's connector credentials are fixed dummies (KaizalaSimulator.DEFAULT_*), yet they are set as
        // secrets and so not printed, as no Kaizala secret is
        LOG.infof("Dev Services for Kaizala started the Kaizala simulator at %s: token service %s, connector %s"
                  + " (applicationSecret and refreshToken: the simulator's fixed dummies, not shown), group '%s' %s"
                  + " (camel.component.kaizala.group-id, also %s)",
                simulator.getConnectionInfo(), simulator.authUrl(), KaizalaSimulator.DEFAULT_APPLICATION_ID,
                simulator.groupName(), simulator.groupId(), GROUP_ID);
    }
}

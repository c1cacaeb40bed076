package io.github.camelkaizala.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Build-time configuration of the Kaizala extension. */
@ConfigMapping(prefix = "quarkus.kaizala")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface KaizalaBuildTimeConfig {

    /** Dev Services for Kaizala. */
    DevServices devservices();

    interface DevServices {

        /**
         * Whether, in dev and test mode, a Kaizala simulator starts and the component is pointed at it when no
         * connector is configured (no {@code camel.component.kaizala.application-id}, {@code refresh-token},
         * {@code access-token} nor {@code auth-url}).
         */
        @WithDefault("true")
        boolean enabled();

        /** The name of the group seeded in the simulator; its id becomes the component's default {@code groupId}. */
        @WithDefault("Dev Services")
        String groupName();
    }
}

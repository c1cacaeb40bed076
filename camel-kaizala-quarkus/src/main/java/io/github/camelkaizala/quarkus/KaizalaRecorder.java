package io.github.camelkaizala.quarkus;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import org.apache.camel.spi.CamelContextCustomizer;

@Recorder
public class KaizalaRecorder {

    /** Adds {@link KaizalaEventRoutes} to the CamelContext before its routes are created. */
    public RuntimeValue<CamelContextCustomizer> startEventRoutesOnceServing() {
        return new RuntimeValue<>(
                context -> context.addRoutePolicyFactory(Arc.container().instance(KaizalaEventRoutes.class).get()));
    }
}

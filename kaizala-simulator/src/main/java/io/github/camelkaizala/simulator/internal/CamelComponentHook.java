package io.github.camelkaizala.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.CamelContextTracker;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * While open, gives every CamelContext built in the JVM a {@link ComponentCustomizer} that sets the simulator's
 * settings on the context's {@code kaizala} component when it is added (Camel applies customizers found in the
 * registry). Used by {@code KaizalaSimulatorExtension} only when Camel is on the class path; the simulator itself
 * never needs Camel.
 */
public final class CamelComponentHook extends CamelContextTracker implements AutoCloseable {

    static final String COMPONENT = "kaizala";
    static final String BEAN_NAME = "kaizalaSimulatorCustomizer";

    private final Map<String, Object> options = new LinkedHashMap<>();

    /** @param properties {@code camel.component.kaizala.*} names and values */
    public CamelComponentHook(Map<String, String> properties) {
        properties.forEach((name, value) -> options
                .put(name.substring(KaizalaSimulator.COMPONENT_PROPERTY_PREFIX.length()), value));
        open();
    }

    @Override
    public void contextCreated(CamelContext context) {
        ComponentCustomizer customizer = (name, component) -> {
            if (COMPONENT.equals(name)) {
                configure(context, component);
            }
        };
        context.getRegistry().bind(BEAN_NAME, ComponentCustomizer.class, customizer);
    }

    private void configure(CamelContext context, Component component) {
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer()).withIgnoreCase(true).withMandatory(true)
                .withRemoveParameters(false).withProperties(new LinkedHashMap<>(options)).bind();
    }
}

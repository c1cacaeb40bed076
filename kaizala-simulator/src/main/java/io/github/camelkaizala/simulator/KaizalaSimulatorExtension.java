package io.github.camelkaizala.simulator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import io.github.camelkaizala.simulator.internal.Store;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link KaizalaSimulatorTest} (or {@code @ExtendWith}): one simulator per test class,
 * on a free loopback port, closed after the class. Before each test the journal is emptied and the fault plan
 * cleared; groups, webhooks and tokens stay for the class.
 *
 * <p>Pointing the {@code kaizala} component at it, with no dependency on the component:
 * <ul>
 * <li>the system properties {@link KaizalaSimulator#componentProperties()} ({@code camel.component.kaizala.authUrl},
 * {@code .applicationId}, {@code .applicationSecret}, {@code .refreshToken}) are set for the class and restored
 * after it: Camel Main (and Spring Boot, Quarkus, {@code {{…}}} placeholders) read them;</li>
 * <li>when Camel is on the class path, every CamelContext built meanwhile gets a component customizer that sets
 * the same options on its {@code kaizala} component as it is added: a {@code CamelTestSupport} test needs nothing
 * more. Options the test sets on the component itself afterwards win.</li>
 * </ul>
 * Test classes using it should not run in parallel with each other (system properties are the JVM's).
 */
public final class KaizalaSimulatorExtension
        implements
            BeforeAllCallback,
            AfterAllCallback,
            BeforeEachCallback,
            TestInstancePostProcessor,
            ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(KaizalaSimulatorExtension.class);
    private static final String CAMEL_HOOK = "io.github.camelkaizala.simulator.internal.CamelComponentHook";

    /** What the class started, closed after it (also when the class fails). */
    private static final class Running implements ExtensionContext.Store.CloseableResource {

        final KaizalaSimulator simulator;
        final Map<String, String> previousProperties = new HashMap<>();
        AutoCloseable camelHook;

        Running(KaizalaSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public void close() throws Exception {
            try {
                if (camelHook != null) {
                    camelHook.close();
                }
                previousProperties.forEach((name, value) -> {
                    if (value == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, value);
                    }
                });
            } finally {
                simulator.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        KaizalaSimulatorTest settings = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), KaizalaSimulatorTest.class)
                .orElse(null);
        KaizalaSimulator.Builder builder = KaizalaSimulator.builder();
        if (settings != null) {
            builder.groupIdSuffix(settings.groupIdSuffix()).validateCallbacks(settings.validateCallbacks());
        }
        Running running = new Running(builder.start());
        context.getStore(NAMESPACE).put(Running.class, running);
        if (settings == null || settings.configureComponent()) {
            Map<String, String> properties = running.simulator.componentProperties();
            properties.forEach((name, value) -> running.previousProperties.put(name, System.setProperty(name, value)));
            running.camelHook = camelHook(properties);
        }
        injectFields(context.getRequiredTestClass(), null, running.simulator);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Running running = context.getStore(NAMESPACE).remove(Running.class, Running.class);
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        KaizalaSimulator simulator = simulator(context);
        simulator.journal().clear();
        simulator.faults().clear();
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        injectFields(testInstance.getClass(), testInstance, simulator(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KaizalaSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator(context);
    }

    private static KaizalaSimulator simulator(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new IllegalStateException("no Kaizala simulator: register the extension on the test class "
                    + "(@KaizalaSimulatorTest or @ExtendWith(KaizalaSimulatorExtension.class)), not on a method");
        }
        return running.simulator;
    }

    /** Sets every (static when {@code instance} is null, else instance) non-final field of type KaizalaSimulator. */
    private static void injectFields(Class<?> type, Object instance, KaizalaSimulator simulator)
            throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.getType() == KaizalaSimulator.class && !Modifier.isFinal(modifiers)
                        && Modifier.isStatic(modifiers) == (instance == null)) {
                    field.setAccessible(true);
                    field.set(instance, simulator);
                }
            }
        }
    }

    /** The Camel side, when Camel is on the class path (null otherwise): closing it stops configuring contexts. */
    private static AutoCloseable camelHook(Map<String, String> properties) throws ReflectiveOperationException {
        try {
            Class.forName("org.apache.camel.spi.CamelContextTracker", false,
                    KaizalaSimulatorExtension.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        return (AutoCloseable) Class.forName(CAMEL_HOOK).getConstructor(Map.class).newInstance(properties);
    }
}

package io.github.camelkaizala.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a {@link KaizalaSimulator} started for it (and closed after it), and points the
 * {@code kaizala} component at it: see {@link KaizalaSimulatorExtension}. The simulator is injected into fields,
 * constructor and method parameters of type {@link KaizalaSimulator}.
 *
 * <pre>{@code
 * @KaizalaSimulatorTest
 * class MyRouteTest extends CamelTestSupport {
 *     KaizalaSimulator simulator;   // injected
 *     ...
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KaizalaSimulatorExtension.class)
public @interface KaizalaSimulatorTest {

    /** Appended to every new group id, e.g. {@code "@1"}; none by default. */
    String groupIdSuffix() default "";

    /** Whether webhook subscriptions need the callback to pass the validation handshake (as Kaizala did). */
    boolean validateCallbacks() default true;

    /**
     * Whether to point the {@code kaizala} component at the simulator: {@code camel.component.kaizala.*} system
     * properties for the class, and the options set on every {@code kaizala} component a CamelContext adds
     * meanwhile. On by default.
     */
    boolean configureComponent() default true;
}

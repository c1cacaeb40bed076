package io.github.camelkaizala.quarkus.deployment;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Native mode needs reflection for every class Jackson reads or writes; the extension registers them from the Jandex
 * index. This test builds an application with the extension, records every reflection registration of the build (of
 * all extensions) and checks it against what Jackson itself reaches: starting from each class of the component that
 * carries a Jackson annotation, every type Jackson would bind through properties, creator parameters, containers,
 * generics and sealed sub-types. A class Jackson binds without a registration (a model moved to another package, a new
 * package) fails here rather than silently in a native executable.
 */
class JacksonReflectionTest {

    static final String COMPONENT = "org.apache.camel.component.kaizala.";
    /** Build-time results, handed to the test over system properties (the build runs in another class loader). */
    static final String REGISTERED = "kaizala.test.reflection.registered";
    static final String ANNOTATED = "kaizala.test.reflection.jacksonAnnotated";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.kaizala.devservices.enabled", "false")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(record())
                    .consumes(ReflectiveClassBuildItem.class).consumes(CombinedIndexBuildItem.class)
                    .produces(FeatureBuildItem.class).build());

    private static BuildStep record() {
        return context -> {
            Set<String> registered = new TreeSet<>();
            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                if (item.isConstructors() && item.isMethods() && item.isFields()) {
                    registered.addAll(item.getClassNames());
                }
            }
            Set<String> annotated = new TreeSet<>();
            for (ClassInfo c : context.consume(CombinedIndexBuildItem.class).getIndex().getKnownClasses()) {
                if (c.name().toString().startsWith(COMPONENT) && c.annotations().stream()
                        .map(AnnotationInstance::name)
                        .anyMatch(n -> n.toString().startsWith("com.fasterxml.jackson."))) {
                    annotated.add(c.name().toString());
                }
            }
            System.setProperty(REGISTERED, String.join(",", registered));
            System.setProperty(ANNOTATED, String.join(",", annotated));
            context.produce(new FeatureBuildItem("kaizala-reflection-test"));
        };
    }

    @Test
    void everyTypeJacksonBindsIsRegisteredForReflection() throws ClassNotFoundException {
        Set<String> registered = Set.of(System.getProperty(REGISTERED).split(","));
        List<String> roots = Arrays.asList(System.getProperty(ANNOTATED).split(","));
        assertThat(roots).as("component classes with Jackson annotations").hasSizeGreaterThan(30);

        Set<String> bound = boundByJackson(roots);
        assertThat(bound).as("what Jackson binds").hasSizeGreaterThan(roots.size())
                .contains(COMPONENT + "event.KaizalaEvent", COMPONENT + "event.TextMessageData",
                        COMPONENT + "model.Group", COMPONENT + "model.SendMessageRequest");
        assertThat(registered).as("registered for reflection with constructors, methods and fields")
                .containsAll(bound);
    }

    @Test
    void devServicesTurnedOffLeaveTheComponentUnconfigured() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.kaizala.auth-url", String.class))
                .isEmpty();
        assertThat(ConfigProvider.getConfig().getOptionalValue("kaizala.devservices.group-id", String.class))
                .isEmpty();
    }

    /** The component's classes Jackson reaches from the roots, by Jackson's own introspection (reading and writing). */
    static Set<String> boundByJackson(List<String> roots) throws ClassNotFoundException {
        ObjectMapper mapper = new ObjectMapper();
        Deque<JavaType> todo = new ArrayDeque<>();
        for (String root : roots) {
            todo.add(mapper.constructType(Class.forName(root, false, JacksonReflectionTest.class.getClassLoader())));
        }
        Set<String> bound = new TreeSet<>();
        while (!todo.isEmpty()) {
            JavaType type = todo.pop();
            if (type.getContentType() != null) {
                todo.add(type.getContentType());
            }
            if (type.getKeyType() != null) {
                todo.add(type.getKeyType());
            }
            type.getBindings().getTypeParameters().forEach(todo::add);
            Class<?> raw = type.getRawClass();
            if (!raw.getName().startsWith(COMPONENT) || !bound.add(raw.getName()) || raw.isEnum()) {
                continue;
            }
            if (raw.isSealed()) {
                for (Class<?> sub : raw.getPermittedSubclasses()) {
                    todo.add(mapper.constructType(sub));
                }
            }
            for (BeanDescription description : List.of(mapper.getSerializationConfig().introspect(type),
                    mapper.getDeserializationConfig().introspect(type))) {
                for (BeanPropertyDefinition property : description.findProperties()) {
                    todo.add(property.getPrimaryType());
                }
            }
        }
        return bound;
    }
}

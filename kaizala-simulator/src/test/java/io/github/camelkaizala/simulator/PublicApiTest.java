package io.github.camelkaizala.simulator;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public test API ({@code io.github.camelkaizala.simulator}) names no internal type in a public or protected
 * signature, so users and the component's tests depend on it only; the HTTP layer and the state engine live in
 * {@code .internal}.
 */
class PublicApiTest {

    @Test
    void noPublicSignatureNamesAnInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicPackageClasses()) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (exposed(m.getModifiers()) && !m.isSynthetic()) {
                    check(leaks, type, m.toGenericString());
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (exposed(c.getModifiers())) {
                    check(leaks, type, c.toGenericString());
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (exposed(f.getModifiers())) {
                    check(leaks, type, f.toGenericString());
                }
            }
            if (type.getSuperclass() != null) {
                check(leaks, type, "extends " + type.getGenericSuperclass().getTypeName());
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theStateAndTheHttpLayerAreInternal() throws Exception {
        assertThat(publicPackageClasses()).extracting(Class::getSimpleName)
                .doesNotContain("Store", "Dispatcher", "Router", "Json", "TokenService", "ApiException", "Refusal")
                .contains("KaizalaSimulator", "SimulatorState", "Human", "FaultPlan", "Journal", "Webhooks");
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, Class<?> type, String signature) {
        if (signature.contains(".internal.")) {
            leaks.add(type.getSimpleName() + ": " + signature);
        }
    }

    private static List<Class<?>> publicPackageClasses()
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(KaizalaSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/github/camelkaizala/simulator");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = f.getFileName().toString();
                classes.add(Class.forName("io.github.camelkaizala.simulator." + name.substring(0, name.length() - 6)));
            }
        }
        return classes;
    }
}

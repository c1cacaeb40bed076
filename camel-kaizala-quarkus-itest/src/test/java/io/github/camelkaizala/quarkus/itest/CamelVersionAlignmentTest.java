package io.github.camelkaizala.quarkus.itest;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Camel in the application: every org.apache.camel jar on this module's classpath is 4.17.0, the Camel that
 * Camel Quarkus 3.31.0 pins and the component is built on (the parent's camel-bom must not win over Camel Quarkus's
 * BOM, nor the reverse with another Camel version), and the Camel Quarkus extensions are 3.31.0.
 */
class CamelVersionAlignmentTest {

    private static final Pattern MAVEN_PATH = Pattern.compile(
            ".*[/\\\\](org[/\\\\]apache[/\\\\]camel(?:[/\\\\]quarkus)?)[/\\\\]([^/\\\\]+)[/\\\\]([^/\\\\]+)[/\\\\][^/\\\\]+\\.jar$");

    @Test
    void everyCamelJarIs4170AndEveryExtension3310() {
        List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        int camel = 0;
        int extensions = 0;
        for (String entry : classpath) {
            Matcher m = MAVEN_PATH.matcher(entry);
            if (!m.matches()) {
                continue;
            }
            if (m.group(1).endsWith("quarkus")) {
                assertThat(m.group(3)).as(m.group(2)).isEqualTo("3.31.0");
                extensions++;
            } else {
                assertThat(m.group(3)).as(m.group(2)).isEqualTo("4.17.0");
                camel++;
            }
        }
        assertThat(camel).as("org.apache.camel jars on the classpath").isGreaterThan(20);
        assertThat(extensions).as("Camel Quarkus jars on the classpath").isGreaterThan(5);
    }
}

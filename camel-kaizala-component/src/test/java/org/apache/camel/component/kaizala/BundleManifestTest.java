package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle-manifest check: the OSGi headers bnd (maven-bundle-plugin) wrote to target/classes/META-INF/MANIFEST.MF
 * — the manifest the jar is built with — and the Karaf features file. The import ranges must admit what Apache Karaf's
 * Camel 4.14.5 features repository installs (Camel 4.14.x, Jackson 2.19.4, httpclient5 5.4.4 and httpcore5 5.3.5
 * wrapped without package versions, i.e. 0.0.0) and what this build compiles against, and exclude the next major
 * versions. The real installation is KarafIT ({@code -Pkaraf-itest}).
 */
class BundleManifestTest {

    static final Path CLASSES = Path.of("target/classes");
    static final List<String> PUBLIC_PACKAGES = List.of(
            "org.apache.camel.component.kaizala",
            "org.apache.camel.component.kaizala.api",
            "org.apache.camel.component.kaizala.model",
            "org.apache.camel.component.kaizala.event");

    static Attributes headers;
    static Map<String, Map<String, String>> imports;
    static Map<String, Map<String, String>> exports;

    @BeforeAll
    static void readManifest() throws IOException {
        Path file = CLASSES.resolve("META-INF/MANIFEST.MF");
        assertThat(file).as("bnd's manifest (maven-bundle-plugin, goal manifest, phase process-classes)").exists();
        try (InputStream in = Files.newInputStream(file)) {
            headers = new Manifest(in).getMainAttributes();
        }
        imports = clauses(headers.getValue("Import-Package"));
        exports = clauses(headers.getValue("Export-Package"));
    }

    @Test
    void identity() {
        assertThat(headers.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(headers.getValue("Bundle-SymbolicName")).isEqualTo("io.github.camelkaizala.camel-kaizala");
        assertThat(headers.getValue("Bundle-Version")).matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?");
        assertThat(headers.getValue("Require-Capability")).contains("osgi.ee=JavaSE").contains("version=17");
    }

    @Test
    void exportsThePublicPackagesAtTheBundleVersionAndKeepsInternalPrivate() throws IOException {
        assertThat(exports.keySet()).containsExactlyInAnyOrderElementsOf(PUBLIC_PACKAGES);
        String release = headers.getValue("Bundle-Version").replaceAll("^(\\d+\\.\\d+\\.\\d+).*", "$1");
        exports.forEach((pkg, attributes) -> assertThat(attributes.get("version")).as(pkg).isEqualTo(release));
        // the internal packages are in the bundle (bnd's Private-Package), neither exported nor imported
        try (var classes = Files.walk(CLASSES.resolve("org/apache/camel/component/kaizala/internal"))) {
            assertThat(classes.filter(p -> p.toString().endsWith(".class")).count()).isGreaterThan(10);
        }
        assertThat(imports.keySet()).noneMatch(p -> p.startsWith("org.apache.camel.component.kaizala"));
        assertThat(headers.getValue("DynamicImport-Package")).isNull();
    }

    @Test
    void importsOnlyCamelJacksonHttpClient5AndSlf4j() {
        assertThat(imports.keySet()).allMatch(p -> p.startsWith("java.") || p.startsWith("org.apache.camel.")
                || p.equals("org.apache.camel") || p.startsWith("com.fasterxml.jackson.")
                || p.startsWith("org.apache.hc.") || p.equals("org.slf4j"));
        imports.forEach((pkg, attributes) -> {
            assertThat(attributes).as(pkg + " is mandatory").doesNotContainKey("resolution");
            if (!pkg.startsWith("java.")) {
                assertThat(attributes.get("version")).as(pkg + " has a version range").isNotNull();
            }
        });
        // camel-core-osgi's extender registers a bundle's META-INF/services/org/apache/camel/{component,configurer}
        // entries only when the bundle is wired to its org.apache.camel (Component) and org.apache.camel.spi packages
        assertThat(imports).containsKeys("org.apache.camel", "org.apache.camel.spi", "org.apache.camel.support",
                "org.apache.camel.component.webhook", "com.fasterxml.jackson.databind",
                "org.apache.hc.client5.http.impl.async", "org.apache.hc.core5.http", "org.slf4j");
    }

    @Test
    void camelRangeAdmitsKarafsCamelAndTheBuildsCamel() throws IOException {
        String built = mavenVersion("org.apache.camel", "camel-api");
        for (String pkg : packages("org.apache.camel")) {
            assertThat(range(pkg)).as(pkg)
                    .satisfies(r -> assertThat(r.includes("4.14.0")).as("Camel 4.14.0").isTrue())
                    .satisfies(r -> assertThat(r.includes("4.14.5")).as("Karaf features 4.14.5").isTrue())
                    .satisfies(r -> assertThat(r.includes("4.18.0")).as("Camel 4.18 LTS").isTrue())
                    .satisfies(r -> assertThat(r.includes(built)).as("this build's Camel " + built).isTrue())
                    .satisfies(r -> assertThat(r.includes("4.13.0")).as("Camel 4.13").isFalse())
                    .satisfies(r -> assertThat(r.includes("5.0.0")).as("Camel 5").isFalse());
        }
    }

    @Test
    void jacksonRangeAdmitsKarafsJacksonAndTheBuildsJackson() {
        String built = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        for (String pkg : packages("com.fasterxml.jackson")) {
            VersionRange r = range(pkg);
            assertThat(r.includes("2.19.4")).as(pkg + ": Karaf's jackson feature 2.19.4").isTrue();
            assertThat(r.includes(built)).as(pkg + ": this build's Jackson " + built).isTrue();
            assertThat(r.includes("3.0.0")).as(pkg + ": Jackson 3").isFalse();
        }
    }

    @Test
    void httpClient5RangeAdmitsKarafsWrappedBundlesAndTheBuildsVersion() throws IOException {
        String built = mavenVersion("org.apache.httpcomponents.client5", "httpclient5");
        for (String pkg : packages("org.apache.hc")) {
            VersionRange r = range(pkg);
            // Karaf's camel-http feature wraps httpclient5 5.4.4 and httpcore5 5.3.5: packages exported as 0.0.0
            assertThat(r.includes("0.0.0")).as(pkg + ": wrap: bundles of Karaf's http-client feature").isTrue();
            assertThat(r.includes("5.4.4")).as(pkg + ": httpclient5 5.4.4").isTrue();
            assertThat(r.includes(built)).as(pkg + ": this build's httpclient5 " + built).isTrue();
            assertThat(r.includes("6.0.0")).as(pkg + ": HttpClient 6").isFalse();
        }
    }

    @Test
    void slf4jRangeAdmitsPaxLogging() throws IOException {
        VersionRange r = range("org.slf4j");
        assertThat(r.includes("1.7.36")).isTrue();
        assertThat(r.includes("2.0.17")).isTrue();
        assertThat(r.includes(mavenVersion("org.slf4j", "slf4j-api"))).isTrue();
    }

    @Test
    void camelsDiscoveryFilesAndTheClassesTheyNameAreInTheBundle() throws IOException {
        Map<String, String> files = Map.of(
                "META-INF/services/org/apache/camel/component/kaizala", "KaizalaComponent",
                "META-INF/services/org/apache/camel/configurer/kaizala-component", "KaizalaComponentConfigurer",
                "META-INF/services/org/apache/camel/configurer/kaizala-endpoint", "KaizalaEndpointConfigurer",
                "META-INF/services/org/apache/camel/urifactory/kaizala-endpoint", "KaizalaEndpointUriFactory");
        for (var entry : files.entrySet()) {
            Path file = CLASSES.resolve(entry.getKey());
            assertThat(file).exists();
            Properties service = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                service.load(in);
            }
            String className = service.getProperty("class");
            assertThat(className).isEqualTo("org.apache.camel.component.kaizala." + entry.getValue());
            assertThat(CLASSES.resolve(className.replace('.', '/') + ".class")).exists();
        }
        assertThat(CLASSES.resolve("META-INF/org/apache/camel/component/kaizala/kaizala.json")).exists();
    }

    @Test
    void theKarafFeatureInstallsTheBundleOnCamelsFeatures() throws Exception {
        Path file = Path.of("target/features/features.xml");
        assertThat(file).as("features.xml, filtered from src/main/features").exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(file.toFile());
        Element root = xml.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://karaf.apache.org/xmlns/features/v1.6.0");
        assertThat(texts(root, "repository"))
                .containsExactly("mvn:org.apache.camel.karaf/apache-camel/4.14.5/xml/features");

        Element feature = (Element) root.getElementsByTagNameNS("*", "feature").item(0);
        assertThat(feature.getAttribute("name")).isEqualTo("camel-kaizala");
        String projectVersion = feature.getAttribute("version");
        assertThat(projectVersion.replace('-', '.')).isEqualTo(headers.getValue("Bundle-Version"));

        Map<String, VersionRange> dependencies = new LinkedHashMap<>();
        NodeList nested = feature.getElementsByTagNameNS("*", "feature");
        for (int i = 0; i < nested.getLength(); i++) {
            Element dependency = (Element) nested.item(i);
            dependencies.put(dependency.getTextContent().trim(),
                    VersionRange.parse(dependency.getAttribute("version")));
        }
        assertThat(dependencies.keySet()).containsExactly("camel-core", "camel-http", "camel-jackson", "camel-webhook");
        dependencies.forEach((name, r) -> assertThat(r.includes("4.14.5")).as(name).isTrue());
        assertThat(texts(feature, "bundle"))
                .containsExactly("mvn:io.github.camelkaizala/camel-kaizala/" + projectVersion);
    }

    // --- helpers ---

    private static List<String> texts(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static List<String> packages(String prefix) {
        List<String> packages = imports.keySet().stream()
                .filter(p -> p.equals(prefix) || p.startsWith(prefix + ".")).collect(Collectors.toList());
        assertThat(packages).as("imports of " + prefix).isNotEmpty();
        return packages;
    }

    private static VersionRange range(String pkg) {
        String version = imports.get(pkg).get("version");
        assertThat(version).as(pkg + " version").isNotNull();
        return VersionRange.parse(version);
    }

    private static String mavenVersion(String groupId, String artifactId) throws IOException {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = BundleManifestTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    /** An OSGi header's clauses: name → attributes and directives (values unquoted). */
    static Map<String, Map<String, String>> clauses(String header) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        if (header == null) {
            return result;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attributes = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (String part : parts) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    names.add(part.trim());
                } else {
                    String key = part.substring(0, eq).trim().replaceAll(":$", "");
                    attributes.put(key, part.substring(eq + 1).trim().replaceAll("^\"|\"$", ""));
                }
            }
            names.forEach(n -> result.put(n, attributes));
        }
        return result;
    }

    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** An OSGi version range: {@code [1.2,3)}, {@code (1,2]} or a bare minimum {@code 1.2}. */
    record VersionRange(int[] floor, boolean floorIncluded, int[] ceiling, boolean ceilingIncluded) {

        static VersionRange parse(String range) {
            String r = range.trim();
            if (!r.startsWith("[") && !r.startsWith("(")) {
                return new VersionRange(version(r), true, null, false);
            }
            String[] bounds = r.substring(1, r.length() - 1).split(",");
            return new VersionRange(version(bounds[0]), r.startsWith("["), version(bounds[1]), r.endsWith("]"));
        }

        boolean includes(String version) {
            int[] v = version(version);
            int low = compare(v, floor);
            if (low < 0 || (low == 0 && !floorIncluded)) {
                return false;
            }
            if (ceiling == null) {
                return true;
            }
            int high = compare(v, ceiling);
            return high < 0 || (high == 0 && ceilingIncluded);
        }

        private static int[] version(String text) {
            String[] parts = text.trim().split("[.-]");
            int[] v = new int[3];
            for (int i = 0; i < 3 && i < parts.length; i++) {
                v[i] = parts[i].matches("\\d+") ? Integer.parseInt(parts[i]) : 0;
            }
            return v;
        }

        private static int compare(int[] a, int[] b) {
            for (int i = 0; i < 3; i++) {
                if (a[i] != b[i]) {
                    return Integer.compare(a[i], b[i]);
                }
            }
            return 0;
        }
    }
}

package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.model.ActionCreatedResponse;
import org.apache.camel.component.kaizala.model.WebhookCreatedResponse;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ```java and ```yaml block of the documentation pages below runs here: Java blocks are compiled into route
 * builders, YAML blocks loaded as route files, and each route is driven against the simulator. A block that is not a
 * route is marked {@code <!-- not a route: why -->} on the line before it. A broken example fails the build.
 */
class DocSnippetsTest extends EventsTestSupport {

    static final List<String> PAGES = List.of(
            "README.md", "docs/user-guide.md", "docs/operations.md", "docs/consumer.md", "docs/errors-and-retries.md",
            "docs/deployment.md");
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^(?:<!-- snippet: ([a-z]+)(?: ([^ ]+))? -->\\n)?```(java|yaml)\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("direct:([A-Za-z0-9-]+)");
    private static final Pattern KAIZALA_URI = Pattern.compile("kaizala:([a-zA-Z]+/[a-zA-Z]+|messages|media)");

    private static CallbackEcho callbacks;
    private final Properties properties = new Properties();

    /** A block: a route driven through its direct: entry (the default), a route started by a timer, a consumer, or configuration. */
    record Snippet(String page, int index, String kind, String file, String language, String code) {

        String entry() {
            Matcher m = ENTRY.matcher(code);
            return m.find() ? m.group(1) : null;
        }

        KaizalaOperation operation() {
            Matcher m = KAIZALA_URI.matcher(code);
            assertThat(m.find()).as(this + " calls a kaizala: operation").isTrue();
            return KaizalaOperation.fromId(m.group(1));
        }

        String className() {
            return "Snippet_" + page.replaceAll("\\W", "_") + "_" + index;
        }

        @Override
        public String toString() {
            return page + " block " + index + " (" + language + ", " + kind + ")";
        }
    }

    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("camel-kaizala-component"))) {
                return dir;
            }
        }
        throw new IllegalStateException("project root not found above " + Path.of("").toAbsolutePath());
    }

    static List<Snippet> snippets() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        for (String page : PAGES) {
            String markdown = Files.readString(projectRoot().resolve(page), StandardCharsets.UTF_8);
            Matcher m = BLOCK.matcher(markdown);
            int index = 0;
            while (m.find()) {
                index++;
                snippets.add(new Snippet(page, index, m.group(1) == null ? "route" : m.group(1), m.group(2), m.group(3),
                        m.group(4)));
            }
        }
        return snippets;
    }

    @BeforeAll
    static void startCallbackServer() throws IOException {
        callbacks = new CallbackEcho();
    }

    @AfterAll
    static void stopCallbackServer() {
        callbacks.close();
    }

    /** The ids the examples refer to as {@code {{kaizala.…}}}, made in the simulator. */
    private void seed() {
        String group = simulator.state().createGroup("Docs", "+15550100001", "+15550100002").id();
        String other = simulator.state().createGroup("Docs other").id();
        String publicGroup = simulator.state().createPublicGroup("Docs public").id();
        simulator.state().addSubscribers(publicGroup, "+15550100006", "+15550100007");
        String member = simulator.state().group(group).orElseThrow().members().stream()
                .filter(m -> "+15550100002".equals(m.mobileNumber())).findFirst().orElseThrow().id();
        ActionCreatedResponse survey = template.requestBodyAndHeader("kaizala:actions/survey",
                "{\"title\": \"Docs survey\", \"questions\": [{\"title\": \"Store code\", \"type\": \"Text\"},"
                        + " {\"title\": \"Shelf\", \"type\": \"SingleOption\", \"options\": [{\"title\": \"Good\"}]}]}",
                KaizalaConstants.GROUP_ID, group, ActionCreatedResponse.class);
        String job = template.requestBodyAndHeader("kaizala:actions/job?title=Docs job", "+15550100001",
                KaizalaConstants.GROUP_ID, group, ActionCreatedResponse.class).actionId();
        String custom = template.requestBodyAndHeader("kaizala:actions/custom?actionPackageId=com.contoso.storeaudit",
                "{\"title\": \"Audit\", \"questions\": [{\"title\": \"Store code\", \"type\": \"Text\"}]}",
                KaizalaConstants.GROUP_ID, group, ActionCreatedResponse.class).actionId();
        String callbackUrl = callbacks.url("/cb");
        String webhook = template.requestBodyAndHeader("kaizala:webhooks/subscribe",
                Map.of("callBackUrl", callbackUrl + "?seed"), KaizalaConstants.GROUP_ID, group,
                WebhookCreatedResponse.class).webhookId();
        simulator.human("+15550100077").join(group);
        simulator.human("+15550100001").join(group);

        properties.setProperty("kaizala.group-id", group);
        properties.setProperty("kaizala.other-group-id", other);
        properties.setProperty("kaizala.public-group-id", publicGroup);
        properties.setProperty("kaizala.member-id", member);
        properties.setProperty("kaizala.survey-id", survey.actionId());
        properties.setProperty("kaizala.survey-reference-id", survey.referenceId());
        properties.setProperty("kaizala.job-id", job);
        properties.setProperty("kaizala.custom-id", custom);
        properties.setProperty("kaizala.webhook-id", webhook);
        properties.setProperty("kaizala.callback-url", callbackUrl);
        properties.setProperty("kaizala.public-url", "http://127.0.0.1:" + port);
        context.getPropertiesComponent().setOverrideProperties(properties);
    }

    @Override
    protected void configure(KaizalaConfiguration configuration) {
        super.configure(configuration);
        configuration.setAllowInsecureWebhookUrl(true); // the examples' callback is plain HTTP on loopback
        configuration.setCallbackToken(CALLBACK_TOKEN);
    }

    @Test
    void everyExampleOfTheDocumentationRuns() throws Exception {
        seed();
        List<Snippet> snippets = snippets();
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(85);
        for (Snippet snippet : snippets.stream().filter(s -> s.kind().equals("file")).toList()) {
            String file = Files.readString(projectRoot().resolve(snippet.file()), StandardCharsets.UTF_8);
            assertThat(stripIndent(file))
                    .as(snippet + " is a verbatim part of " + snippet.file()).contains(stripIndent(snippet.code()));
        }
        Map<Snippet, RoutesBuilder> java = compile(snippets.stream()
                .filter(s -> s.language().equals("java") && !s.kind().equals("file")).toList());
        for (Snippet snippet : snippets) {
            if (snippet.kind().equals("file") || snippet.kind().equals("compile")) {
                continue;
            }
            String entry = snippet.entry();
            restoreState(entry);
            simulator.journal().clear();
            List<String> before = context.getRoutes().stream().map(r -> r.getRouteId()).toList();
            if (snippet.language().equals("java")) {
                context.addRoutes(java.get(snippet));
            } else {
                Resource resource = ResourceHelper.fromString(snippet.className() + ".yaml", snippet.code());
                PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            }
            List<String> added = context.getRoutes().stream().map(r -> r.getRouteId())
                    .filter(id -> !before.contains(id)).toList();
            switch (snippet.kind()) {
                case "configuration" -> assertThat(added).as(snippet + " only configures").isEmpty();
                case "consumer" -> {
                    assertThat(added).as(snippet + " adds a consumer route").hasSize(1);
                    String group = properties.getProperty("kaizala.group-id");
                    simulator.human("+15550100001").postText(group, "an event for " + snippet);
                    simulator.human("+15550100001").answerSurvey(group, properties.getProperty("kaizala.survey-id"),
                            "ST-" + snippet.index(), "Good");
                    // Kaizala hears 200 only once the route took the event
                    String callback = "http://127.0.0.1:" + port + "/kaizala/events/";
                    awaitUntil(snippet + " took an event",
                            () -> simulator.deliveries().stream().anyMatch(d -> d.status() == 200
                                    && simulator.state().webhook(d.webhookId())
                                            .map(w -> w.callbackUrl().startsWith(callback))
                                            .orElse(false)));
                }
                default -> {
                    KaizalaOperation operation = snippet.operation();
                    if (entry != null) {
                        Exchange exchange = template.send("direct:" + entry, e -> prepare(entry, e));
                        assertThat(exchange.getException()).as(snippet.toString()).isNull();
                    }
                    awaitUntil(snippet + " reached Kaizala with a " + operation.method(),
                            () -> simulator.journal().all()
                                    .stream().anyMatch(r -> r.status() >= 200 && r.status() < 300
                                            && r.method().equals(operation.method())));
                }
            }
            for (String id : added) {
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
            }
        }
    }

    private static String stripIndent(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Undoes what the same example in the other language changed, so that each runs against the same state. */
    private void restoreState(String entry) {
        if (entry == null) {
            return;
        }
        String group = properties.getProperty("kaizala.group-id");
        switch (entry) {
            case "remove-subgroup" -> template.sendBodyAndHeader("kaizala:subgroups/add",
                    properties.getProperty("kaizala.other-group-id"), KaizalaConstants.GROUP_ID, group);
            case "remove-member" -> simulator.human("+15550100002").join(group);
            case "delete-webhook" -> properties.setProperty("kaizala.webhook-id", // placeholders resolve when the route is added
                    template.requestBodyAndHeader("kaizala:webhooks/subscribe",
                            Map.of("callBackUrl", properties.getProperty("kaizala.callback-url") + "?delete"),
                            KaizalaConstants.GROUP_ID, group, WebhookCreatedResponse.class).webhookId());
            default -> {
            }
        }
    }

    /** What an example needs that it does not set itself. */
    private void prepare(String entry, Exchange exchange) {
        if (entry.equals("alerts")) {
            exchange.getMessage().setBody("Disk full");
        }
        if (entry.equals("login-with-pin")) {
            template.sendBody("kaizala:auth/generatePin", "+15550100077");
            exchange.getMessage().setBody(simulator.lastPin("+15550100077"));
        }
    }

    private static Map<Snippet, RoutesBuilder> compile(List<Snippet> snippets) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK (javac) to compile the Java examples").isNotNull();
        List<JavaFileObject> sources = new ArrayList<>();
        for (Snippet snippet : snippets) {
            String name = snippet.className();
            String source = """
                    package docs;
                    import java.util.*;
                    import org.apache.camel.Exchange;
                    import org.apache.camel.builder.RouteBuilder;
                    import org.apache.camel.component.kaizala.*;
                    import org.apache.camel.component.kaizala.api.*;
                    import org.apache.camel.component.kaizala.model.*;
                    import org.apache.camel.component.kaizala.event.*;
                    public class %s extends RouteBuilder {
                        @Override
                        public void configure() {
                    %s
                        }
                    }
                    """.formatted(name, snippet.code());
            sources.add(new SimpleJavaFileObject(URI.create("string:///docs/" + name + ".java"),
                    JavaFileObject.Kind.SOURCE) {

                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            });
        }
        Path out = Files.createTempDirectory("doc-snippets");
        StringBuilder errors = new StringBuilder();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = compiler.getTask(null, files, d -> errors.append(d).append('\n'),
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path")), null, sources)
                    .call();
            assertThat(ok).as("the Java examples compile:\n" + errors).isTrue();
        }
        java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[]{out.toUri().toURL()},
                DocSnippetsTest.class.getClassLoader());
        Map<Snippet, RoutesBuilder> builders = new java.util.HashMap<>();
        for (Snippet snippet : snippets) {
            builders.put(snippet, (RouteBuilder) loader.loadClass("docs." + snippet.className())
                    .getDeclaredConstructor().newInstance());
        }
        try (Stream<Path> walk = Files.walk(out)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return builders;
    }
}

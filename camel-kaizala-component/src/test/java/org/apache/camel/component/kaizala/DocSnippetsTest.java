package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.net.httpserver.HttpServer;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
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
class DocSnippetsTest extends KaizalaTestSupport {

    static final List<String> PAGES = List.of("docs/operations.md");
    private static final Pattern BLOCK = Pattern.compile("(?m)^(<!-- not a route[^\\n]*-->\\n)?```(java|yaml)\\n(.*?)^```$",
            Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("direct:([A-Za-z0-9-]+)");
    private static final Pattern KAIZALA_URI = Pattern.compile("kaizala:([a-zA-Z]+/[a-zA-Z]+|messages|media)");

    private static HttpServer callbacks;
    private final Properties properties = new Properties();

    record Snippet(String page, int index, String language, String code) {
        String entry() {
            Matcher m = ENTRY.matcher(code);
            assertThat(m.find()).as(this + " has a from(\"direct:…\") entry").isTrue();
            return m.group(1);
        }

        KaizalaOperation operation() {
            Matcher m = KAIZALA_URI.matcher(code);
            assertThat(m.find()).as(this + " calls a kaizala: operation").isTrue();
            return KaizalaOperation.fromId(m.group(1));
        }

        @Override
        public String toString() {
            return page + " block " + index + " (" + language + ")";
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
                if (m.group(1) == null) {
                    snippets.add(new Snippet(page, index, m.group(2), m.group(3)));
                }
            }
        }
        return snippets;
    }

    @BeforeAll
    static void startCallbackServer() throws IOException {
        callbacks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callbacks.createContext("/cb", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] answer = new byte[0];
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("validationToken=")) {
                    answer = java.net.URLDecoder.decode(pair.substring(16), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                }
            }
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        callbacks.start();
    }

    @AfterAll
    static void stopCallbackServer() {
        callbacks.stop(0);
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
        String callbackUrl = "http://127.0.0.1:" + callbacks.getAddress().getPort() + "/cb";
        String webhook = template.requestBodyAndHeader("kaizala:webhooks/subscribe",
                Map.of("callBackUrl", callbackUrl + "?seed"), KaizalaConstants.GROUP_ID, group,
                WebhookCreatedResponse.class).webhookId();
        simulator.human("+15550100077").join(group);

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
        context.getPropertiesComponent().setOverrideProperties(properties);
    }

    @Test
    void everyExampleOfTheDocumentationRuns() throws Exception {
        seed();
        List<Snippet> snippets = snippets();
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(78);
        Map<Snippet, RoutesBuilder> java = compile(snippets.stream().filter(s -> s.language().equals("java")).toList());

        for (Snippet snippet : snippets) {
            String entry = snippet.entry();
            restoreState(entry);
            simulator.journal().clear();
            List<String> before = context.getRoutes().stream().map(r -> r.getRouteId()).toList();
            if (snippet.language().equals("java")) {
                context.addRoutes(java.get(snippet));
            } else {
                Resource resource = ResourceHelper.fromString("snippet-" + snippet.index() + ".yaml", snippet.code());
                PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            }
            Exchange exchange = template.send("direct:" + entry, e -> prepare(entry, e));

            assertThat(exchange.getException()).as(snippet + " journal: " + simulator.journal().all().stream().map(r -> r.method() + " " + r.path() + " " + r.status()).toList()).isNull();
            KaizalaOperation operation = snippet.operation();
            List<RecordedRequest> answered = simulator.journal().all().stream()
                    .filter(r -> r.status() >= 200 && r.status() < 300 && r.method().equals(operation.method())).toList();
            assertThat(answered).as(snippet + " reached Kaizala with a " + operation.method()).isNotEmpty();

            for (var route : List.copyOf(context.getRoutes())) {
                if (!before.contains(route.getRouteId())) {
                    context.getRouteController().stopRoute(route.getRouteId());
                    context.removeRoute(route.getRouteId());
                }
            }
        }
    }

    /** Undoes what the same example in the other language changed, so that each runs against the same state. */
    private void restoreState(String entry) {
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
            String name = "Snippet" + snippet.index();
            String source = """
                    package docs;
                    import java.util.*;
                    import org.apache.camel.builder.RouteBuilder;
                    import org.apache.camel.component.kaizala.*;
                    import org.apache.camel.component.kaizala.model.*;
                    import org.apache.camel.component.kaizala.event.*;
                    public class %s extends RouteBuilder {
                        @Override
                        public void configure() {
                    %s
                        }
                    }
                    """.formatted(name, snippet.code());
            sources.add(new SimpleJavaFileObject(URI.create("string:///docs/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
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
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path")), null, sources).call();
            assertThat(ok).as("the Java examples compile:\n" + errors).isTrue();
        }
        java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] { out.toUri().toURL() },
                DocSnippetsTest.class.getClassLoader());
        Map<Snippet, RoutesBuilder> builders = new java.util.HashMap<>();
        for (Snippet snippet : snippets) {
            builders.put(snippet, (RouteBuilder) loader.loadClass("docs.Snippet" + snippet.index())
                    .getDeclaredConstructor().newInstance());
        }
        try (Stream<Path> walk = Files.walk(out)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return builders;
    }
}

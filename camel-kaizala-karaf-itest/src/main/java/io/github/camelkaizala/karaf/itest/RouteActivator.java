package io.github.camelkaizala.karaf.itest;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A bundle holding a Camel route, as an application deployed on Karaf would: it starts a CamelContext (camel-core-osgi's
 * {@link OsgiDefaultCamelContext}, which finds components in other bundles) whose route posts one message through the
 * {@code kaizala:} component, resolved by its scheme from the camel-kaizala bundle.
 * <p>
 * The connector settings come from {@code etc/kaizala-itest.properties}, written by the test.
 */
public class RouteActivator implements BundleActivator {

    static final String TEXT = "Hello from Apache Karaf";

    private CamelContext camel;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        Path properties = Path.of(System.getProperty("karaf.etc"), "kaizala-itest.properties");
        if (!Files.exists(properties)) {
            throw new IllegalStateException(properties + " is missing");
        }
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.getCamelContextExtension().setName("kaizala-karaf-itest");
        context.getPropertiesComponent().setLocation("file:" + properties);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("timer:kaizala-karaf-itest?repeatCount=1&delay=100")
                        .routeId("karaf-to-kaizala")
                        .setBody(constant(TEXT))
                        .to("kaizala:messages?groupId={{kaizala.group-id}}&authUrl={{kaizala.auth-url}}"
                                + "&applicationId={{kaizala.application-id}}"
                                + "&applicationSecret=RAW({{kaizala.application-secret}})"
                                + "&refreshToken=RAW({{kaizala.refresh-token}})")
                        .log("kaizala-karaf-itest: posted to group {{kaizala.group-id}} as ${header.CamelKaizalaReferenceId}");
            }
        });
        context.start();
        camel = context;
    }

    @Override
    public void stop(BundleContext bundleContext) throws Exception {
        if (camel != null) {
            camel.close();
        }
    }
}

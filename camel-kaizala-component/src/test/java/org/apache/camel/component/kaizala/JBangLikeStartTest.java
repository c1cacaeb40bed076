package org.apache.camel.component.kaizala;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.impl.engine.DefaultComponentResolver;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route file run as Camel JBang runs it: the file is loaded before the CamelContext starts, and JBang's component
 * resolver, when it first resolves platform-http, adds and starts an HTTP server service (camel-platform-http-main's
 * MainHttpServer) that itself looks the platform-http component up when it starts. The file's only route is
 * {@code from: kaizala:events}: before the fix, its consumer first resolved platform-http while starting, and the
 * server's lookup failed with "Circular dependency detected, the component platform-http is already being created".
 */
class JBangLikeStartTest extends EventsTestSupport {

    private String groupId;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getCamelContextExtension().addContextPlugin(ComponentResolver.class, new DefaultComponentResolver() {

            @Override
            public Component resolveComponent(String name, CamelContext camelContext) {
                Component answer = super.resolveComponent(name, camelContext);
                if (answer instanceof PlatformHttpComponent && camelContext.hasService(HttpServer.class) == null) {
                    try {
                        camelContext.addService(new HttpServer(camelContext), true, true);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return answer;
            }
        });
        groupId = newGroup("JBang-like");
        String yaml = """
                - route:
                    id: only-events
                    from:
                      uri: kaizala:events
                      parameters:
                        groupId: "%s"
                        webhookExternalUrl: "http://127.0.0.1:%d"
                        allowInsecureWebhookUrl: true
                      steps:
                        - to: mock:events
                """.formatted(groupId, port);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("events.yaml", yaml));
        return context;
    }

    /** Like camel-platform-http-main's MainHttpServer: looks platform-http up when it starts. */
    static final class HttpServer extends ServiceSupport {

        private final CamelContext context;

        HttpServer(CamelContext context) {
            this.context = context;
        }

        @Override
        protected void doStart() {
            context.getComponent("platform-http", PlatformHttpComponent.class);
        }
    }

    @Test
    void aRouteFileWhoseOnlyRouteIsKaizalaEventsStarts() {
        assertThat(context.getRouteController().getRouteStatus("only-events").isStarted()).isTrue();
        assertThat(context.hasService(HttpServer.class).isStarted()).isTrue();
        assertThat(webhooksOf(groupId)).singleElement()
                .satisfies(w -> assertThat(w.callbackUrl()).isEqualTo(callbackUrl(groupId)));
    }
}

package io.github.camelkaizala.quarkus;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.registry.ValueRegistry;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.KaizalaEndpoint;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Starts the {@code kaizala:events} routes once Quarkus's HTTP server listens. Camel Quarkus starts Camel before the
 * HTTP server accepts connections, and a {@code kaizala:events} consumer subscribes while it starts: Kaizala first
 * calls the callback (the validation handshake), which nothing would answer yet. So while Camel starts, such a route
 * is held back (its autoStartup cleared), and it is started when Quarkus reports its HTTP or HTTPS server listening.
 * Other routes start as usual. In dev mode the server keeps listening across live reloads: from the second start on,
 * nothing is held back.
 *
 * <p>With {@value #LOCAL_CALLBACK}{@code =true} (set by Kaizala Dev Services), an events endpoint without
 * {@code webhookExternalUrl} gets the HTTP server's local base URL ({@code http://localhost:<actual port>}): the
 * simulator runs on this machine.
 */
@Singleton
public class KaizalaEventRoutes implements RoutePolicyFactory {

    /** Set by Dev Services only: the callback is this application's own HTTP server on localhost. */
    public static final String LOCAL_CALLBACK = "kaizala.devservices.local-callback";

    private static final Logger LOG = Logger.getLogger(KaizalaEventRoutes.class);

    /** Like Quarkus's HTTP server, this outlives a dev-mode restart (extension classes are not reloaded). */
    private static volatile boolean listening;

    private final List<Route> heldBack = new ArrayList<>();

    @Inject
    ValueRegistry values;

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        return new RoutePolicySupport() {

            @Override
            public void onInit(Route route) {
                routeInitialised(route);
            }
        };
    }

    /** Holds a kaizala:events route back until the server listens, or, when it already does, just sets its callback. */
    private synchronized void routeInitialised(Route route) {
        if (!isEvents(route)) {
            return;
        }
        if (listening) {
            localCallback(route); // a dev-mode restart: the server still listens
        } else if (!Boolean.FALSE.equals(route.isAutoStartup())
                && !Boolean.FALSE.equals(route.getCamelContext().isAutoStartup())) {
            route.setAutoStartup(false);
            heldBack.add(route);
            LOG.infof("Route %s (kaizala:events) starts once the HTTP server listens, so that Kaizala's validation"
                    + " handshake reaches its callback", route.getRouteId());
        }
    }

    void httpServerStarted(@ObservesAsync HttpServerStart event) {
        serverListening();
    }

    void httpsServerStarted(@ObservesAsync HttpsServerStart event) {
        serverListening();
    }

    void stopped(@Observes ShutdownEvent event) {
        synchronized (this) {
            heldBack.clear();
        }
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            listening = false; // Quarkus closes its HTTP server; in dev mode it keeps it for the next start
        }
    }

    private void serverListening() {
        List<Route> routes;
        synchronized (this) {
            listening = true;
            routes = List.copyOf(heldBack);
            heldBack.clear();
        }
        for (Route route : routes) {
            route.setAutoStartup(true);
            try {
                localCallback(route);
                route.getCamelContext().getRouteController().startRoute(route.getRouteId());
            } catch (Exception e) {
                LOG.errorf(e, "Could not start route %s (kaizala:events): %s", route.getRouteId(), e.getMessage());
            }
        }
    }

    private void localCallback(Route route) {
        KaizalaConfiguration options = ((KaizalaEndpoint) route.getEndpoint()).getConfiguration();
        boolean local = ConfigProvider.getConfig().getOptionalValue(LOCAL_CALLBACK, Boolean.class).orElse(false);
        if (!local || options.getWebhookExternalUrl() != null) {
            return;
        }
        // where the server actually listens (a random test port included)
        String base = localBaseUri().toString().replaceAll("/+$", "");
        LOG.infof("Route %s (kaizala:events): the Kaizala simulator of Dev Services calls back %s", route.getRouteId(),
                base);
        options.setWebhookExternalUrl(base);
    }

    /**
     * The HTTP server's local base URI. Quarkus may announce the server started (asynchronously, on this thread) a
     * moment before it registers the server's address (EventRoutesStartTest failed so once in six CI runs, the route
     * never started): wait for it, a bounded time.
     */
    private URI localBaseUri() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            RuntimeException notYet = null;
            try {
                HttpServer server = values.getOrDefault(HttpServer.HTTP_SERVER, null);
                URI base = server == null ? null : server.getLocalBaseUri();
                if (base != null && base.getPort() > 0) {
                    return base;
                }
            } catch (RuntimeException e) { // the port it reads from is not registered yet
                notYet = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Quarkus announced its HTTP server but gave no address for it within"
                        + " 10 s: set webhookExternalUrl on the kaizala:events endpoint", notYet);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the HTTP server's address", e);
            }
        }
    }

    private static boolean isEvents(Route route) {
        return route.getEndpoint() instanceof KaizalaEndpoint endpoint && "events".equals(endpoint.getResource());
    }
}

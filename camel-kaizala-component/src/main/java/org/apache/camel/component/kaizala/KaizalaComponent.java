package org.apache.camel.component.kaizala;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import org.apache.camel.Endpoint;
import org.apache.camel.component.kaizala.internal.HttpTransport;
import org.apache.camel.component.kaizala.internal.KaizalaClient;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code kaizala:} component. Holds what its endpoints share: the default options, one HTTP connection pool, and
 * one {@link KaizalaClient} (token cache, resource base) per connector.
 */
@Component(KaizalaConstants.SCHEME)
public class KaizalaComponent extends DefaultComponent {

    @Metadata(description = "Options shared by every endpoint; an endpoint URI overrides them.")
    private KaizalaConfiguration configuration = new KaizalaConfiguration();
    @Metadata(label = "advanced", defaultValue = "100",
              description = "The most HTTP connections the component keeps open to Kaizala, across all endpoints.")
    private int maxConnections = 100;

    private final KaizalaTokenStore defaultTokenStore = new InMemoryKaizalaTokenStore();
    private final Map<KaizalaClient.Settings, KaizalaClient> clients = new ConcurrentHashMap<>();
    private volatile HttpTransport transport;
    private volatile ExecutorService completionExecutor;

    public KaizalaComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KaizalaEndpoint endpoint = new KaizalaEndpoint(uri, this, configuration.copy());
        endpoint.setResourcePath(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The client of the connector these options name, created on first use and shared from then on. */
    KaizalaClient client(KaizalaConfiguration options) {
        KaizalaClient.Settings settings = new KaizalaClient.Settings(
                options.getAuthUrl(), options.getEndpointUrl(), options.getApplicationId(),
                options.getApplicationSecret(), options.getRefreshToken(), options.getAccessToken(),
                options.getTokenStore() != null ? options.getTokenStore() : defaultTokenStore,
                options.getConnectTimeout(), options.getResponseTimeout());
        return clients.computeIfAbsent(settings, s -> new KaizalaClient(transport(), s));
    }

    private HttpTransport transport() {
        HttpTransport t = transport;
        if (t == null) {
            synchronized (this) {
                if (transport == null) {
                    transport = new HttpTransport(maxConnections);
                }
                t = transport;
            }
        }
        return t;
    }

    /**
     * Where exchanges continue once Kaizala answered, so that a route's own work never runs on (and stalls) the HTTP
     * client's I/O threads.
     */
    ExecutorService completionExecutor() {
        ExecutorService e = completionExecutor;
        if (e == null) {
            synchronized (this) {
                if (completionExecutor == null) {
                    completionExecutor = getCamelContext().getExecutorServiceManager()
                            .newCachedThreadPool(this, "KaizalaProducer");
                }
                e = completionExecutor;
            }
        }
        return e;
    }

    @Override
    protected void doStop() throws Exception {
        clients.clear();
        synchronized (this) {
            if (transport != null) {
                transport.close();
                transport = null;
            }
            if (completionExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(completionExecutor);
                completionExecutor = null;
            }
        }
        super.doStop();
    }

    public KaizalaConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KaizalaConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }
}

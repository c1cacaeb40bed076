package org.apache.camel.component.kaizala;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Sends to Microsoft Kaizala: groups, members, messages, media, actions and the other operations of its REST API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = KaizalaConstants.SCHEME, title = "Kaizala",
             syntax = "kaizala:resource/operation", producerOnly = true, category = { Category.CHAT, Category.SOCIAL },
             headersClass = KaizalaConstants.class)
public class KaizalaEndpoint extends DefaultEndpoint {

    @UriPath(description = "The Kaizala resource to act on.",
             enums = "auth,groups,subgroups,members,subscribers,messages,media,actions,responses,reactions,webhooks")
    @Metadata(required = true)
    private String resource;
    @UriPath(description = "The operation on the resource; may be left out where the resource has an obvious one"
                           + " (messages: send, media: upload). The CamelKaizalaOperation header overrides it per"
                           + " message.",
             enums = "generatePin,refreshToken,accessToken,create,list,get,add,remove,updateRole,send,upload,survey,job,"
                     + "poll,letsMeet,announcement,custom,summary,groupSummary,details,subscribe,update,delete")
    private String operation;
    @UriParam
    private final KaizalaConfiguration configuration;

    private KaizalaOperation kaizalaOperation;

    public KaizalaEndpoint(String uri, KaizalaComponent component, KaizalaConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /** {@code resource/operation} from the URI; fails with the list of valid operations when unknown. */
    void setResourcePath(String remaining) {
        this.kaizalaOperation = KaizalaOperation.fromId(remaining);
        this.resource = kaizalaOperation.resource();
        this.operation = kaizalaOperation.operation();
    }

    @Override
    public KaizalaComponent getComponent() {
        return (KaizalaComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new KaizalaProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("kaizala:" + kaizalaOperation.id() + " is a producer endpoint");
    }

    public KaizalaConfiguration getConfiguration() {
        return configuration;
    }

    public KaizalaOperation getKaizalaOperation() {
        return kaizalaOperation;
    }

    public String getResource() {
        return resource;
    }

    public String getOperation() {
        return operation;
    }
}

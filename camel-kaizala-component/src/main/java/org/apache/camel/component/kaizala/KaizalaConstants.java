package org.apache.camel.component.kaizala;

import org.apache.camel.spi.Metadata;

/**
 * Message headers read and written by the Kaizala component. A header set on the incoming message wins over the
 * endpoint option of the same meaning.
 */
public final class KaizalaConstants {

    public static final String SCHEME = "kaizala";

    @Metadata(label = "producer", description = "The operation to perform, as `resource/operation` (for example"
                                                + " `messages/send`); overrides the endpoint URI for this message.",
              javaType = "String")
    public static final String OPERATION = "CamelKaizalaOperation";

    @Metadata(description = "The id of the Kaizala group the operation applies to; overrides the `groupId` option."
                            + " Producers also set it on the answer of operations that create a group.",
              javaType = "String")
    public static final String GROUP_ID = "CamelKaizalaGroupId";

    @Metadata(label = "producer", description = "Phone numbers (with country code, e.g. `+15550100001`) of the"
                                                + " subscribers of a public group who should receive the message:"
                                                + " a `List<String>` or a comma-separated string; overrides the"
                                                + " `subscribers` option.",
              javaType = "Object")
    public static final String SUBSCRIBERS = "CamelKaizalaSubscribers";

    @Metadata(label = "producer", description = "Whether the message goes to every subscriber of a public group;"
                                                + " overrides the `sendToAllSubscribers` option.",
              javaType = "Boolean")
    public static final String SEND_TO_ALL_SUBSCRIBERS = "CamelKaizalaSendToAllSubscribers";

    @Metadata(label = "producer", description = "The `referenceId` Kaizala returned for a posted message or"
                                                + " action.",
              javaType = "String")
    public static final String REFERENCE_ID = "CamelKaizalaReferenceId";

    @Metadata(label = "producer", description = "The HTTP status code of Kaizala's answer.", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelKaizalaHttpStatus";

    private KaizalaConstants() {
    }
}

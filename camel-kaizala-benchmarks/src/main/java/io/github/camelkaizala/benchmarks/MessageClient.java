package io.github.camelkaizala.benchmarks;

/**
 * One way to post a text message to a Kaizala group and get its referenceId back. {@link #send} blocks until the answer
 * is read, and is called by many threads at once.
 */
interface MessageClient extends AutoCloseable {

    /** The text every client sends (the same payload for all). */
    String TEXT = "Shift report: 42 parcels sorted, 3 delayed at gate 7, dock 2 closed for cleaning until 14:00.";

    String name();

    /** Posts {@code text}; throws when the message was not accepted. Returns the referenceId. */
    String send(String text) throws Exception;

    @Override
    void close() throws Exception;

    /** Where and as whom the clients post. */
    record Target(String authUrl, String endpointUrl, String groupId, String accessToken) {

        /** {@code http://127.0.0.1:PORT/kms-N/v1/groups/{groupId}/messages} */
        String messagesUrl() {
            return endpointUrl + (endpointUrl.endsWith("/") ? "" : "/") + "v1/groups/" + groupId + "/messages";
        }
    }

    enum Kind {

        KAIZALA("kaizala: route"),
        KAIZALA_IO("kaizala: route, continueOnIoThread"),
        CAMEL_HTTP(
                "camel-http route"),
        HTTPCLIENT5("bare HttpClient 5 async"),
        JDK("JDK HttpClient");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        MessageClient create(Target target) throws Exception {
            return switch (this) {
                case KAIZALA -> new KaizalaRouteClient(target, false);
                case KAIZALA_IO -> new KaizalaRouteClient(target, true);
                case CAMEL_HTTP -> new CamelHttpRouteClient(target);
                case HTTPCLIENT5 -> new HttpClient5Client(target);
                case JDK -> new JdkHttpClientClient(target);
            };
        }
    }
}

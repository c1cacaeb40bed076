package org.apache.camel.component.kaizala.internal.operation;

/**
 * What the operation mechanics read from the endpoint's configuration. The component adapts its
 * {@code KaizalaConfiguration} to this, so this package never names the public face.
 */
public interface OperationOptions {

    /** The endpoint option behind a parameter (same name), null when unset. */
    Object option(Parameter parameter);

    String applicationId();

    String mediaFieldName();

    int maxMessageLength();
}

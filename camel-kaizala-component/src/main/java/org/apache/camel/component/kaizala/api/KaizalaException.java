package org.apache.camel.component.kaizala.api;

import org.apache.camel.RuntimeCamelException;

/** Base of the exceptions the Kaizala component fails an exchange with. */
public class KaizalaException extends RuntimeCamelException {

    public KaizalaException(String message) {
        super(message);
    }

    public KaizalaException(String message, Throwable cause) {
        super(message, cause);
    }
}

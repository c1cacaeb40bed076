package org.apache.camel.component.kaizala.api;

/**
 * Bad input caught before anything was sent to Kaizala: the message names the field and the rule it breaks. Retrying
 * the same exchange cannot succeed.
 */
public class KaizalaValidationException extends KaizalaException {

    private final String field;

    public KaizalaValidationException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    /** The request field or option that is wrong, e.g. {@code message} or {@code groupId}. */
    public String getField() {
        return field;
    }
}

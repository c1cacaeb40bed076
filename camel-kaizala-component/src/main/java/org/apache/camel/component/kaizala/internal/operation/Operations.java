package org.apache.camel.component.kaizala.internal.operation;

/**
 * Prepares an operation named by its id ({@code resource/operation}): how code below the public face runs one of the
 * table's operations without naming the table.
 */
@FunctionalInterface
public interface Operations {

    Call prepare(String id, OperationInput input);
}

package io.github.camelkaizala.simulator;

/**
 * A subscriber of a public group ({@code ConnectGroup}). {@code id} is the user's id (as for {@link Member});
 * {@code name} is the simulator's display name for the number.
 */
public record Subscriber(String id, String mobileNumber, String name, boolean provisioned) {}

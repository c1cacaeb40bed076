package io.github.camelkaizala.simulator;

import java.time.Instant;

/**
 * A like or comment (§11) on a message or action of group {@code groupId} (the source group).
 * {@code reactionType} is {@code Like} or {@code Comment}; {@code comment} is null for a like;
 * {@code userId}/{@code mobileNumber} identify who reacted; {@code cursor} is the position of the reaction in
 * the cursor paging of the reaction listings (.NET ticks of {@code at}, strictly increasing).
 */
public record Reaction(String reactionId, String groupId, String referenceId, String reactionType, String comment,
        String userId, String mobileNumber, Instant at, long cursor) {}

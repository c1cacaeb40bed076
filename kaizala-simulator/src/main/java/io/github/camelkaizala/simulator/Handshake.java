package io.github.camelkaizala.simulator;

import java.time.Instant;

/**
 * One callback URL validation (§12.2): {@code url} is the {@code callBackUrl} as given, {@code token} the
 * {@code validationToken} sent with it, {@code status} the callback's HTTP status (-1 when it could not be
 * reached or did not answer in time), {@code ok} whether the subscription was allowed, {@code problem} why
 * not (null when ok).
 */
public record Handshake(String url, String token, int status, boolean ok, String problem, Instant at) {}

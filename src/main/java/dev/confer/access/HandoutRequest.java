package dev.confer.access;

import org.jspecify.annotations.Nullable;

/**
 * A giveaway handed out at a booth, as the sponsor's device sends it: {@code handoutId} is the device's own UUID for
 * it (a resend after a lost answer counts once), {@code credential} the visitor's badge as in a tap.
 */
public record HandoutRequest(@Nullable String handoutId, @Nullable String at, TapRequest.@Nullable Credential credential) {
}

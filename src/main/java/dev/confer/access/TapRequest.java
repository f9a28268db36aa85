package dev.confer.access;

import org.jspecify.annotations.Nullable;

/**
 * A tap as a door or booth device sends it. {@code tapId} is the device's own UUID for the tap, so
 * a tap resent after a lost answer (or synced later from an offline scanner) counts once.
 */
public record TapRequest(@Nullable String tapId, @Nullable String at, @Nullable String point, @Nullable Credential credential) {

    /** Exactly one of the two: the signed QR ticket or the NFC chip uid of the printed badge. */
    public record Credential(@Nullable String ticket, @Nullable String nfcUid) {
    }
}

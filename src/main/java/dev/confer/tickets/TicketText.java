package dev.confer.tickets;

import dev.confer.shared.RegistrationId;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * The text of a ticket: {@code CF1.<event slug>.<registration id, 16 bytes base64url>.<signature, base64url>}.
 * It names no personal data; the signature covers the first three parts.
 */
final class TicketText {

    static final String PREFIX = "CF1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private TicketText() {
    }

    /** The signed part of a ticket for this event and registration. */
    static String body(String slug, RegistrationId id) {
        return PREFIX + "." + slug + "." + encode(id);
    }

    static String encode(RegistrationId id) {
        UUID uuid = id.value();
        return B64.encodeToString(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }

    /** The registration id of the third part; {@link IllegalArgumentException} when it is not one. */
    static RegistrationId decode(String text) {
        byte[] bytes = B64D.decode(text);
        if (bytes.length != 16) {
            throw new IllegalArgumentException("not a registration id");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new RegistrationId(new UUID(buffer.getLong(), buffer.getLong()));
    }

    static String signature(byte[] signature) {
        return B64.encodeToString(signature);
    }

    static byte[] signature(String text) {
        return B64D.decode(text);
    }
}

package dev.confer.access;

import org.jspecify.annotations.Nullable;

/**
 * A giveaway handed out: {@code number} is its place among the gift's handouts, {@code left} what the stock still
 * holds. {@code duplicate} marks the answer to a resent handout id (nothing more was taken). {@code name} and
 * {@code company} name the visitor only if they share their contact with sponsors, as a booth tap does.
 */
public record Handout(String id, String booth, String gift, int number, int handedOut, int stock, int left,
                      boolean duplicate, @Nullable String name, @Nullable String company) {
}

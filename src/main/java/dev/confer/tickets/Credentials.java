package dev.confer.tickets;

import dev.confer.shared.Caller;
import org.jspecify.annotations.Nullable;

/**
 * What a request presents to act for a registration: the signed-in organizer or staff member (if any) and the
 * registration's manage token (from {@code ?token=} or the {@code X-Manage-Token} header, if any). A handler
 * parameter of this type is filled in by {@link HolderArguments}; nothing is checked yet.
 */
public record Credentials(@Nullable Caller caller, @Nullable String manageToken) {
}

package dev.confer.shared;

import org.jspecify.annotations.Nullable;

/**
 * Staff (or the attendee, for their own data) saw or took personal data: published by the view that showed it,
 * recorded in the access log by the privacy module in the same thread. {@code people} is how many persons the
 * view showed; {@code detail} says which view (a booth, a filter) and never holds personal data itself: a desk
 * search records that it searched, not what was typed.
 */
public record PersonalDataViewed(long eventId, String actor, String action, int people, @Nullable String detail) {
}

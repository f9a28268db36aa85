package dev.confer.events;

/**
 * An event was created or its definition replaced. Published inside the defining transaction, so
 * listeners that keep their own copy of a capacity update it atomically with the definition.
 */
public record EventDefined(EventSchedule schedule, boolean created) {
}

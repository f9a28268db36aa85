package dev.confer.shared;

/**
 * What a module holds about a person, for the privacy module to export and erase without knowing the module:
 * every module that keeps personal data (or anything tied to a registration) implements this as a bean of its own.
 * It is a contract, not a bean here: {@code shared} still holds no beans.
 *
 * <p>Erasing anonymises irreversibly but keeps rows that statistics count (registrations by status, taps, booth
 * visits, check-ins), so figures stay exact. Both erase methods run in the caller's transaction and are idempotent.
 */
public interface PersonalData {

    /** The name of this part in the data export ("registration", "mails", ...). */
    String part();

    /** Everything held about this registration, as JSON-ready values (records, lists, maps). */
    Object export(long eventId, RegistrationId id);

    /** Anonymises this registration's data. */
    void erase(long eventId, RegistrationId id);

    /** Anonymises everyone of the event (retention); returns how many rows were changed. */
    int eraseEvent(long eventId);
}

package dev.confer.tickets;

import dev.confer.shared.RegistrationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The tickets Confer issued, as their exact text and the key that signed them (table {@code issued_ticket}). */
@Repository
class IssuedTickets {

    record Issued(long keyFingerprint, String ticket) {
    }

    private final JdbcClient jdbc;

    IssuedTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction; a registration retried after a rollback keeps its one row. */
    void keep(RegistrationId id, long keyFingerprint, String ticket) {
        jdbc.sql("INSERT INTO issued_ticket (registration_id, key_fingerprint, ticket) VALUES (?, ?, ?) "
                        + "ON CONFLICT (registration_id) DO NOTHING")
                .params(id.value(), keyFingerprint, ticket)
                .update();
    }

    void keep(List<RegistrationId> ids, long keyFingerprint, List<String> tickets) {
        jdbc.sql("INSERT INTO issued_ticket (registration_id, key_fingerprint, ticket) SELECT i, ?, t FROM unnest(?::uuid[], ?::text[]) "
                        + "AS k (i, t) ON CONFLICT (registration_id) DO NOTHING")
                .params(keyFingerprint, ids.stream().map(RegistrationId::value).toArray(java.util.UUID[]::new), tickets.toArray(String[]::new))
                .update();
    }

    Optional<Issued> find(RegistrationId id) {
        return jdbc.sql("SELECT key_fingerprint, ticket FROM issued_ticket WHERE registration_id = ?")
                .param(id.value())
                .query((rs, n) -> new Issued(rs.getLong(1), rs.getString(2)))
                .optional();
    }
}

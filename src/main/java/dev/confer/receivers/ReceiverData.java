package dev.confer.receivers;

import dev.confer.shared.PersonalData;
import dev.confer.shared.RegistrationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An attendee's receiver loans in their data export. A loan holds nothing personal beyond the registration it points
 * to (whose own data the registration module anonymises), and the organizer still needs the receiver back, so erasure
 * keeps it.
 */
@Component
class ReceiverData implements PersonalData {

    private final JdbcClient jdbc;

    ReceiverData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "receivers";
    }

    @Override
    public Object export(long eventId, RegistrationId id) {
        return jdbc.sql("SELECT loan_id, lent_at, returned_at FROM receiver_loan WHERE registration_id = ? AND event_id = ? ORDER BY lent_at")
                .params(id.value(), eventId)
                .query((rs, n) -> {
                    Map<String, Object> loan = new LinkedHashMap<>();
                    loan.put("id", rs.getString(1));
                    loan.put("lentAt", rs.getObject(2, OffsetDateTime.class).toInstant().toString());
                    OffsetDateTime back = rs.getObject(3, OffsetDateTime.class);
                    loan.put("returnedAt", back == null ? null : back.toInstant().toString());
                    return loan;
                })
                .list();
    }

    @Override
    public void erase(long eventId, RegistrationId id) {
        // nothing personal to remove: see the class comment
    }

    @Override
    public int eraseEvent(long eventId) {
        return 0;
    }
}

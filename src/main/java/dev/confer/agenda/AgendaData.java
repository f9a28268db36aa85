package dev.confer.agenda;

import dev.confer.shared.PersonalData;
import dev.confer.shared.RegistrationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's agenda: starred sessions and the e-mail-before-a-session choice are removed when they are erased;
 * their team votes stay (they hold only a session code, and the team's plan was decided with them).
 */
@Component
class AgendaData implements PersonalData {

    private final JdbcClient jdbc;

    AgendaData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "agenda";
    }

    @Override
    public Object export(long eventId, RegistrationId id) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("starred", jdbc.sql("SELECT session_code FROM agenda_star WHERE registration_id = ? AND event_id = ? ORDER BY session_code")
                .params(id.value(), eventId).query(String.class).list());
        out.put("mailBeforeSessions", jdbc.sql("SELECT enabled FROM agenda_nudge WHERE registration_id = ? AND event_id = ?")
                .params(id.value(), eventId).query(Boolean.class).optional().orElse(false));
        out.put("teamVotes", jdbc.sql("SELECT slot, session_code FROM team_vote WHERE registration_id = ? AND event_id = ? ORDER BY slot")
                .params(id.value(), eventId).query((rs, n) -> Map.of("slot", rs.getString(1), "session", rs.getString(2))).list());
        return out;
    }

    @Override
    public void erase(long eventId, RegistrationId id) {
        jdbc.sql("DELETE FROM agenda_star WHERE registration_id = ? AND event_id = ?").params(id.value(), eventId).update();
        jdbc.sql("DELETE FROM agenda_nudge WHERE registration_id = ? AND event_id = ?").params(id.value(), eventId).update();
    }

    @Override
    public int eraseEvent(long eventId) {
        return jdbc.sql("DELETE FROM agenda_star WHERE event_id = ?").param(eventId).update()
                + jdbc.sql("DELETE FROM agenda_nudge WHERE event_id = ?").param(eventId).update();
    }
}

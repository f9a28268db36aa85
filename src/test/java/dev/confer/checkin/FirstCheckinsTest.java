package dev.confer.checkin;

import dev.confer.ApiTest;
import dev.confer.shared.RegistrationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit of first check-ins: a batch commits as one transaction with numbers in queue order, and a batch
 * in which one check-in fails is done again one by one, so the others still count and the failing one gets the
 * error it would have got alone.
 */
class FirstCheckinsTest extends ApiTest {

    private static final LocalDate DAY = LocalDate.parse("2037-05-14");
    private static final Instant AT = Instant.parse("2037-05-14T00:30:00Z"); // 09:30 in Seoul

    @Autowired
    FirstCheckins firstCheckins;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchCommitsOnceWithNumbersInQueueOrder() throws Exception {
        String slug = defineEvent(uniqueSlug("batch"), eventDefinition(10, 0, 10, 5, 5, 10));
        long event = eventId(slug);
        List<FirstCheckins.Request> batch = List.of(
                request(event, register(slug, "일번", "one@" + slug + ".example.com").get("id").asString(), UUID.randomUUID()),
                request(event, register(slug, "이번", "two@" + slug + ".example.com").get("id").asString(), UUID.randomUUID()),
                request(event, register(slug, "삼번", "three@" + slug + ".example.com").get("id").asString(), UUID.randomUUID()));

        firstCheckins.write(batch);

        for (int i = 0; i < batch.size(); i++) {
            Optional<CheckinStore.Taken> taken = batch.get(i).answer().get();
            assertThat(taken).get().extracting(CheckinStore.Taken::voucherNo).isEqualTo(i + 1);
        }
        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM checkin WHERE event_id = ?").param(event)
                .query(Integer.class).single()).as("one transaction for the three").isEqualTo(1);
    }

    @Test
    void aBatchWithAFailureIsDoneOneByOne() throws Exception {
        String slug = defineEvent(uniqueSlug("batchfail"), eventDefinition(10, 0, 10, 5, 5, 10));
        long event = eventId(slug);
        UUID reused = UUID.randomUUID();
        String first = register(slug, "일번", "one@" + slug + ".example.com").get("id").asString();
        List<FirstCheckins.Request> batch = List.of(
                request(event, first, reused),
                request(event, first, UUID.randomUUID()), // the same attendee again: not a first check-in
                request(event, register(slug, "이번", "two@" + slug + ".example.com").get("id").asString(), reused), // a device id reused
                request(event, register(slug, "삼번", "three@" + slug + ".example.com").get("id").asString(), UUID.randomUUID()));

        firstCheckins.write(batch);

        assertThat(batch.get(0).answer().get()).get().extracting(CheckinStore.Taken::voucherNo).isEqualTo(1);
        assertThat(batch.get(1).answer().get()).isEmpty();
        assertThatThrownBy(() -> batch.get(2).answer().get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(batch.get(3).answer().get()).get().extracting(CheckinStore.Taken::voucherNo).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM checkin WHERE event_id = ?").param(event).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT vouchers_issued FROM day_stock WHERE event_id = ? AND day = ?").params(event, DAY)
                .query(Integer.class).single()).as("the rolled-back batch took nothing").isEqualTo(2);
    }

    private long eventId(String slug) {
        return jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private static FirstCheckins.Request request(long event, String registration, UUID clientId) {
        return FirstCheckins.request(event, new RegistrationId(UUID.fromString(registration)), DAY, AT, "batch desk", true, clientId);
    }
}

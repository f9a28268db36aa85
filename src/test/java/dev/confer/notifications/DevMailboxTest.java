package dev.confer.notifications;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without {@code spring.mail.host} the mails are kept and shown to the organizer at /dev/mail. */
class DevMailboxTest extends ApiTest {

    @Test
    void withoutSmtpTheMailIsKeptAndShownToTheOrganizer() {
        String slug = defineEvent(uniqueSlug("devmail"), eventDefinition(10, 5, 10, 10, 10, 10));
        JsonNode registered = register(slug, "김민준", "minjun@" + slug + ".example.com");
        String ticket = registered.get("ticket").asString();

        assertThat(get("/dev/mail", null).status()).isEqualTo(401);
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> get("/dev/mail?event=" + slug, ADMIN).json().size() == 1);
        JsonNode mail = get("/dev/mail?event=" + slug, ADMIN).json().get(0);
        assertThat(mail.get("to").asString()).isEqualTo("minjun@" + slug + ".example.com");
        assertThat(mail.get("subject").asString()).isEqualTo("[클라우드 서밋 서울 2026] 등록이 확정되었습니다");
        assertThat(mail.get("kind").asString()).isEqualTo("CONFIRMATION");
        assertThat(mail.get("deliveredVia").asString()).isEqualTo("dev-mailbox");
        assertThat(mail.get("sentAt").isNull()).isFalse();
        long id = mail.get("id").asLong();

        assertThat(get("/dev/mail/" + id, null).status()).isEqualTo(401);
        Response html = get("/dev/mail/" + id, ADMIN);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.text()).contains("김민준님, 안녕하세요.").doesNotContain("cid:qr");
        String dataUri = html.text().replaceAll("(?s).*src=\"data:image/png;base64,([^\"]+)\".*", "$1");
        assertThat(MailParts.decodeQr(Base64.getDecoder().decode(dataUri))).isEqualTo(ticket);

        Response text = get("/dev/mail/" + id + ".txt", ADMIN);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.text()).contains(ticket, "/e/" + slug + "/my-ticket/" + registered.get("id").asString()
                + "?token=" + registered.get("manageToken").asString());

        Response png = get("/dev/mail/" + id + "/qr.png", ADMIN);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(MailParts.decodeQr(png.raw())).isEqualTo(ticket);
    }

    @Test
    void theListIsNewestFirstAndUnknownMailsAreNotFound() {
        String slug = defineEvent(uniqueSlug("devmail"), eventDefinition(1, 5, 10, 10, 10, 10));
        register(slug, "First", "first@" + slug + ".example.com");
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> get("/dev/mail?event=" + slug, ADMIN).json().size() == 1);
        Response second = call("POST", "/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "Second", "email", "second@" + slug + ".example.com", "locale", "en"));
        assertThat(second.status()).isEqualTo(201);
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> get("/dev/mail?event=" + slug, ADMIN).json().size() == 2);
        JsonNode list = get("/dev/mail?event=" + slug, ADMIN).json();
        assertThat(list.get(0).get("to").asString()).isEqualTo("second@" + slug + ".example.com");
        assertThat(list.get(0).get("kind").asString()).isEqualTo("WAITLIST");
        assertThat(list.get(0).get("subject").asString()).isEqualTo("[Cloud Summit Seoul 2026] You are on the waitlist (number 1)");
        assertThat(list.get(1).get("to").asString()).isEqualTo("first@" + slug + ".example.com");

        Response missing = get("/dev/mail/999999999", ADMIN);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).contains("application/problem+json");
        assertThat(get("/dev/mail?event=no-such-event", ADMIN).status()).isEqualTo(404);
    }
}

package dev.confer.notifications;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MailLayoutTest {

    private final MailLayout.Content content = new MailLayout.Content(dev.confer.shared.Language.EN, "[Summit] Confirmed", "Hello <b>Eve</b> & \"Co\",",
            "Your place is confirmed.", "When", List.of("Thursday, May 14, 2037, doors open 08:00, until 18:00"),
            "Show this QR code.", "Ticket code:", "CF1.summit.abc.def", "Your ticket page:", "My ticket",
            "https://confer.example/e/summit/my-ticket/1?token=a&b", "Cancel if you cannot come.", "See you!");

    @Test
    void htmlEscapesWhatPeopleTypedAndShowsTheInlineQr() {
        String html = MailLayout.html(content);
        assertThat(html).contains("Hello &lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;,")
                .doesNotContain("<b>Eve</b>")
                .contains("src=\"cid:qr\"")
                .contains("href=\"https://confer.example/e/summit/my-ticket/1?token=a&amp;b\"")
                .contains("CF1.summit.abc.def");
    }

    @Test
    void textCarriesTicketAndLinkVerbatim() {
        String text = MailLayout.text(content);
        assertThat(text).contains("Hello <b>Eve</b> & \"Co\",")
                .contains("\nCF1.summit.abc.def\n")
                .contains("https://confer.example/e/summit/my-ticket/1?token=a&b");
    }
}

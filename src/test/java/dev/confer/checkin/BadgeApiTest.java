package dev.confer.checkin;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.confer.ApiTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeApiTest extends ApiTest {

    @Test
    void printsAKoreanNameWithTheEmbeddedFontTheTicketQrAndTheKeynoteSeat() throws Exception {
        String slug = defineEvent(uniqueSlug("badge"), eventDefinition(10, 0, 10, 2, 1, 100));
        String desk = staffToken(slug, "DESK", null);
        JsonNode reg = register(slug, "김서연", "seoyeon@example.com");
        String ticket = reg.get("ticket").asString();
        JsonNode checkedIn = post("/api/v1/events/" + slug + "/check-ins", desk,
                Map.of("ticket", ticket, "at", "2037-05-14T09:00:00+09:00")).json();

        Response badge = get(checkedIn.get("badgeUrl").asString(), desk);
        assertThat(badge.status()).as(badge.text()).isEqualTo(200);
        assertThat(badge.contentType()).startsWith("application/pdf");
        assertThat(new String(badge.raw(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        try (PDDocument pdf = Loader.loadPDF(badge.raw())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("김서연").contains("Hanbit").contains("클라우드 서밋 서울 2026")
                    .contains("키노트: Hall D 1번 좌석");

            List<PDFont> fonts = new ArrayList<>();
            PDResources resources = pdf.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("NanumGothic");
            });

            // ZXing's finder-pattern detector misreads about one perfect rendering in a hundred at a given
            // resolution (see TicketQrTest); a scanner looks again, so does this test, at other resolutions
            String decoded = null;
            for (int dpi : new int[]{200, 150, 300, 250}) {
                var image = new PDFRenderer(pdf).renderImageWithDPI(0, dpi);
                try {
                    decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                    break;
                } catch (com.google.zxing.ReaderException e) {
                    // try the next resolution
                }
            }
            assertThat(decoded).isEqualTo(ticket);
        }
    }

    @Test
    void onlyTheDeskTheOrganizerOrTheAttendeeMayOpenIt() {
        String slug = defineEvent(uniqueSlug("badge"), eventDefinition(10, 0, 10, 2, 1, 100));
        String other = defineEvent(uniqueSlug("badge"), eventDefinition(10, 0, 10, 2, 1, 100));
        JsonNode alice = register(slug, "Alice", "alice@example.com");
        JsonNode bob = register(slug, "Bob", "bob@example.com");
        String path = "/api/v1/events/" + slug + "/registrations/" + alice.get("id").asString() + "/badge.pdf";

        assertThat(get(path, ADMIN).status()).isEqualTo(200);
        Response own = get(path + "?token=" + alice.get("manageToken").asString(), null);
        assertThat(own.status()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(own.raw())) {
            // no day asked: no seat line, but the name and company are there
            assertThat(new PDFTextStripper().getText(pdf)).contains("Alice").contains("Hanbit").doesNotContain("키노트");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        Response anonymous = get(path, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("application/problem+json");
        assertThat(get(path + "?token=" + bob.get("manageToken").asString(), null).status()).isEqualTo(403);
        assertThat(get(path, staffToken(slug, "DOOR", null)).status()).isEqualTo(403);
        assertThat(get(path, staffToken(other, "DESK", null)).status()).isEqualTo(403);
        assertThat(get(path, "not-a-token").status()).isEqualTo(401);
        assertThat(get(path + "?day=2037-06-01", ADMIN).status()).isEqualTo(404);
        assertThat(get(path + "?day=tomorrow", ADMIN).status()).isEqualTo(400);
    }
}

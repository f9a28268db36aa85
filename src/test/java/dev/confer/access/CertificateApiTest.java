package dev.confer.access;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What I attended (issue 13, point 9): the sessions a door admitted the attendee to, on My ticket and in a certificate PDF. */
class CertificateApiTest extends TapTestSupport {

    @Test
    void theCertificateListsTheSessionsTheDoorsAdmittedWithTheKoreanFontEmbedded() throws Exception {
        String slug = defineEvent(uniqueSlug("cert"), eventDefinition(100, 0, 10, 10, 10, 50));
        String door = staffToken(slug, "DOOR", null);
        JsonNode kim = register(slug, "김서연", "seoyeon@example.com");
        JsonNode other = register(slug, "Other", "other@example.com");
        checkIn(slug, kim, DAY1);
        assertThat(tap(slug, door, DAY1_AFTERNOON, "session:S101", kim).json().get("result").asString()).isEqualTo("ADMITTED");
        String path = "/api/v1/events/" + slug + "/registrations/" + kim.get("id").asString() + "/certificate.pdf?token="
                + kim.get("manageToken").asString();
        Response pdf = call("GET", path, null, null, Map.of("Accept-Language", "ko"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.raw())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("참가 확인서", "김서연", "Hanbit", "클라우드 서밋 서울 2026", "클라우드 네이티브 금융", "2037-05-14 13:00")
                    .doesNotContain("2037-05-15 13:00");
            List<PDFont> fonts = new ArrayList<>();
            PDResources resources = document.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("NanumGothic");
            });
        }
        Response english = call("GET", path, null, null, Map.of("Accept-Language", "en"));
        try (PDDocument document = Loader.loadPDF(english.raw())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Certificate of attendance", "Cloud-native finance");
        }
        assertThat(call("GET", path.replace(kim.get("manageToken").asString(), other.get("manageToken").asString()), null, null)
                .status()).isIn(401, 403, 404);

        // My ticket lists what was attended and links the certificate
        Response ticket = call("GET", "/e/" + slug + "/my-ticket/" + kim.get("id").asString() + "?token="
                + kim.get("manageToken").asString(), null, null, Map.of("Accept-Language", "en", "Accept", "text/html"));
        assertThat(ticket.text()).contains("Sessions you attended", "data-attended=\"S101\"", "certificate.pdf?token=");
        Response nothing = call("GET", "/e/" + slug + "/my-ticket/" + other.get("id").asString() + "?token="
                + other.get("manageToken").asString(), null, null, Map.of("Accept-Language", "en", "Accept", "text/html"));
        assertThat(nothing.text()).doesNotContain("Sessions you attended");
    }
}

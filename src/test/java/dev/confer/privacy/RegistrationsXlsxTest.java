package dev.confer.privacy;

import dev.confer.ApiTest;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's registrations as an XLSX workbook, read back as a spreadsheet reads it: the same people as the CSV
 * (confirmed and waitlisted; not the cancelled, never the erased), headings in the organizer's language, every cell
 * text (a name that looks like a formula stays a name), and the export in the access log.
 */
class RegistrationsXlsxTest extends ApiTest {

    @Test
    void theWorkbookHoldsWhatTheCsvHoldsAsTextAndIsLogged() throws IOException {
        String slug = defineEvent(uniqueSlug("xlsx"), ConsentApiTest.withPrivacy(eventDefinition(10, 5, 10, 10, 10, 10)));
        JsonNode sharer = person(slug, "김공유", "sharer@xlsx.example", true);
        JsonNode quiet = person(slug, "=HYPERLINK(\"http://evil.example\")", "quiet@xlsx.example", false);
        JsonNode cancelled = person(slug, "Cancelled Kim", "cancelled@xlsx.example", true);
        JsonNode erased = person(slug, "Erased Park", "erased@xlsx.example", true);
        String base = "/api/v1/events/" + slug + "/registrations/";
        assertThat(call("DELETE", base + cancelled.get("id").asString() + "?token=" + cancelled.get("manageToken").asString(), null, null)
                .status()).isIn(200, 204);
        assertThat(post(base + erased.get("id").asString() + "/erasure?token=" + erased.get("manageToken").asString(), null, null)
                .status()).isEqualTo(200);

        Response file = call("GET", "/api/v1/events/" + slug + "/registrations.xlsx", ADMIN, null, Map.of("Accept-Language", "ko"));
        assertThat(file.status()).as(file.text()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "registrations-" + slug + ".xlsx");

        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.raw()))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("등록자");
            rows = workbook.getFirstSheet().read();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getCellText(2)).isEqualTo("이름");
        assertThat(rows.get(0).getCellText(3)).isEqualTo("이메일");
        Map<String, Row> byEmail = new java.util.HashMap<>();
        rows.subList(1, rows.size()).forEach(r -> byEmail.put(r.getCellText(3), r));
        assertThat(byEmail.keySet()).containsExactlyInAnyOrder("sharer@xlsx.example", "quiet@xlsx.example");
        Row quietRow = byEmail.get("quiet@xlsx.example");
        assertThat(quietRow.getCellText(0)).isEqualTo(quiet.get("id").asString());
        assertThat(quietRow.getCell(2).getType()).isEqualTo(CellType.STRING);
        assertThat(quietRow.getCellText(2)).isEqualTo("=HYPERLINK(\"http://evil.example\")");
        assertThat(quietRow.getCellText(8)).isEqualTo("아니요");
        assertThat(byEmail.get("sharer@xlsx.example").getCellText(2)).isEqualTo("김공유");
        assertThat(byEmail.get("sharer@xlsx.example").getCellText(8)).isEqualTo("예");
        assertThat(new String(file.raw(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Erased Park", "Cancelled Kim");

        JsonNode log = get("/api/v1/events/" + slug + "/access-log", ADMIN).json();
        JsonNode export = log.get(0);
        assertThat(export.get("action").asString()).isEqualTo("REGISTRATIONS_EXPORT");
        assertThat(export.get("detail").asString()).isEqualTo("xlsx");
        assertThat(export.get("people").asInt()).isEqualTo(2);

        assertThat(get("/api/v1/events/" + slug + "/registrations.xlsx", staffToken(slug, "DESK", null)).status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug + "/registrations.xlsx", null).status()).isEqualTo(401);
    }

    private JsonNode person(String slug, String name, String email, boolean sharing) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", name, "email", email,
                "company", "Xlsx Co", "jobTitle", "Engineer", "consents", Map.of("processing", true, "sponsorSharing", sharing)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }
}

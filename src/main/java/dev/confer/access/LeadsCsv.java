package dev.confer.access;

import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Leads as a spreadsheet file: UTF-8 with a byte order mark so that Excel shows Korean names,
 * CRLF line ends, times in the event's zone, and cells that Excel would run as a formula defused.
 */
public final class LeadsCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LeadsCsv() {
    }

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The download of a booth's leads, with headings in the reader's language and a file name Excel keeps. */
    public static ResponseEntity<byte[]> download(EventSchedule event, String boothCode, List<BoothLeads.Lead> leads,
                                                  MessageSource messages, Locale locale) {
        List<String> headers = Stream.of("name", "company", "job-title", "email", "first-visit", "last-visit", "visits")
                .map(h -> messages.getMessage("access.csv." + h, null, h, locale))
                .toList();
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("leads-" + event.slug() + "-" + boothCode + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(write(headers, leads, event.zone()));
    }

    public static byte[] write(List<String> headers, List<BoothLeads.Lead> leads, ZoneId zone) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(headers.toArray(String[]::new));
        for (BoothLeads.Lead lead : leads) {
            rows.add(new String[]{lead.name(), lead.company(), lead.jobTitle(), lead.email(),
                    TIME.format(lead.firstVisitAt().atZone(zone)), TIME.format(lead.lastVisitAt().atZone(zone)),
                    Integer.toString(lead.visits())});
        }
        return file(rows);
    }

    /** Any table as such a file (the organizer's exports use it too): the first row is the headings. */
    public static byte[] file(List<String[]> rows) {
        StringBuilder csv = new StringBuilder();
        for (String[] row : rows) {
            line(csv, row);
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(text, 0, file, BOM.length, text.length);
        return file;
    }

    private static void line(StringBuilder csv, @Nullable String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    /** A formula trigger at the start of the text or of anything a spreadsheet may take as a cell of its own. */
    private static final java.util.regex.Pattern FORMULA = java.util.regex.Pattern.compile("(^|[;,\\t\\r\\n|])\\s*[=+\\-@]");

    static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        boolean formula = FORMULA.matcher(text).find();
        if (formula) {
            // an attendee-typed "=HYPERLINK(...)" (or ";=1+1", which a spreadsheet splitting on ';' reads as a
            // second cell) must stay text in the sponsor's Excel
            text = "'" + text;
        }
        if (text.indexOf(';') >= 0 || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || !text.equals(text.strip())) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

package dev.confer.privacy;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** XLSX files written with fastexcel (streaming, no Apache POI): the first row bold and frozen, every cell text. */
final class Spreadsheets {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Spreadsheets() {
    }

    static byte[] xlsx(String sheetName, List<String[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Confer", "1.0");
            // a sheet name is at most 31 characters and has none of : \ / ? * [ ]
            Worksheet sheet = workbook.newWorksheet(sheetName.replaceAll("[:\\\\/?*\\[\\]]", " ").substring(0, Math.min(31, sheetName.length())));
            for (int r = 0; r < rows.size(); r++) {
                String[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    if (row[c] != null) {
                        sheet.value(r, c, row[c]); // a String is always a text cell, never a formula
                    }
                }
            }
            if (!rows.isEmpty()) {
                sheet.range(0, 0, 0, Math.max(0, rows.getFirst().length - 1)).style().bold().set();
                sheet.freezePane(0, 1);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

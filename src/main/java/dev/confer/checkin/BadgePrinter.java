package dev.confer.checkin;

import com.google.zxing.common.BitMatrix;
import dev.confer.tickets.TicketQr;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Lays out the printed name badge (A6): event, name in large type, company, the ticket's QR code and
 * the day's keynote seat. Nanum Gothic is embedded (subset) so Korean names print on any printer.
 */
@Component
class BadgePrinter {

    private static final PDRectangle PAGE = PDRectangle.A6;
    private static final float MARGIN = 18;

    /** What goes on a badge, already in the attendee's language. */
    record Badge(String eventName, @Nullable String dayLine, String name, @Nullable String company, String ticket,
                 @Nullable String seatLine) {
    }

    private final byte[] regular = font("fonts/NanumGothic.ttf");
    private final byte[] bold = font("fonts/NanumGothicBold.ttf");
    // Parsing the two fonts cost about three times the rest of a badge. A parsed TrueTypeFont can serve
    // one document after another but is not thread-safe: one pair per thread, each document embeds its subset.
    private final ThreadLocal<TrueTypeFont[]> parsed = ThreadLocal.withInitial(() -> new TrueTypeFont[]{parse(regular), parse(bold)});

    byte[] print(Badge badge) {
        try (PDDocument document = new PDDocument()) {
            TrueTypeFont[] fonts = parsed.get();
            PDType0Font plain = PDType0Font.load(document, fonts[0], true);
            PDType0Font heavy = PDType0Font.load(document, fonts[1], true);
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            float width = PAGE.getWidth() - 2 * MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                float y = PAGE.getHeight() - MARGIN;
                y = line(out, heavy, badge.eventName(), 11, 8, width, y);
                if (badge.dayLine() != null) {
                    y = line(out, plain, badge.dayLine(), 9, 8, width, y);
                }
                y -= 22;
                y = line(out, heavy, badge.name(), 30, 12, width, y);
                if (badge.company() != null && !badge.company().isBlank()) {
                    y -= 4;
                    y = line(out, plain, badge.company(), 14, 8, width, y);
                }
                float qrSize = 150;
                y -= 14;
                qr(out, badge.ticket(), (PAGE.getWidth() - qrSize) / 2, y - qrSize, qrSize);
                y -= qrSize + 14;
                if (badge.seatLine() != null) {
                    line(out, heavy, badge.seatLine(), 13, 8, width, y);
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One centred line, shrunk down to {@code minSize} to fit; returns the baseline for the next line. */
    private static float line(PDPageContentStream out, PDType0Font font, String raw, float size, float minSize, float width,
                              float top) throws IOException {
        String text = printable(font, raw);
        float fontSize = size;
        float textWidth = font.getStringWidth(text) / 1000 * fontSize;
        if (textWidth > width) {
            fontSize = Math.max(minSize, fontSize * width / textWidth);
            textWidth = font.getStringWidth(text) / 1000 * fontSize;
        }
        float baseline = top - fontSize;
        out.beginText();
        out.setFont(font, fontSize);
        out.newLineAtOffset(Math.max(MARGIN, (PAGE.getWidth() - textWidth) / 2), baseline);
        out.showText(text);
        out.endText();
        return baseline - fontSize * 0.35f;
    }

    /** Replaces characters the font has no glyph for, so an unusual name never stops a badge from printing. */
    private static String printable(PDType0Font font, String text) throws IOException {
        StringBuilder result = new StringBuilder(text.length());
        for (int cp : text.codePoints().toArray()) {
            if (Character.isISOControl(cp)) {
                result.append(' ');
            } else if (hasGlyph(font, cp)) {
                result.appendCodePoint(cp);
            } else {
                result.append('?');
            }
        }
        return result.toString();
    }

    private static boolean hasGlyph(PDType0Font font, int codePoint) throws IOException {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The QR code drawn as vector squares (sharp at any printer resolution), one run of dark modules at a time. */
    private static void qr(PDPageContentStream out, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix = TicketQr.matrix(text);
        float module = size / matrix.getWidth();
        out.setNonStrokingColor(0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            int col = 0;
            while (col < matrix.getWidth()) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row)) {
                    col++;
                }
                out.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
            }
        }
        out.fill();
    }

    private static TrueTypeFont parse(byte[] font) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(font));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String path) {
        try (InputStream in = BadgePrinter.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

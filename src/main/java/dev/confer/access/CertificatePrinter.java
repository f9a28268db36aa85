package dev.confer.access;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a certificate of attendance (A4) with Nanum Gothic embedded (subset), as the printed badges do, so Korean
 * names and titles show in any PDF reader: a heading, lines of text, then the sessions attended, wrapped to the page
 * and continued on further pages.
 */
@Component
class CertificatePrinter {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;

    record Certificate(String heading, List<String> intro, String sessionsHeading, List<String> sessions, String footer) {
    }

    private final byte[] regular = font("fonts/NanumGothic.ttf");
    private final byte[] bold = font("fonts/NanumGothicBold.ttf");

    byte[] print(Certificate c) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font plain = PDType0Font.load(document, new TTFParser().parse(new RandomAccessReadBuffer(regular)), true);
            PDType0Font heavy = PDType0Font.load(document, new TTFParser().parse(new RandomAccessReadBuffer(bold)), true);
            Writer w = new Writer(document);
            w.write(heavy, c.heading(), 22);
            w.gap(14);
            for (String line : c.intro()) {
                w.write(plain, line, 12);
            }
            w.gap(16);
            w.write(heavy, c.sessionsHeading(), 14);
            w.gap(4);
            for (String line : c.sessions()) {
                w.write(plain, line, 11);
            }
            w.gap(24);
            w.write(plain, c.footer(), 10);
            w.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes wrapped lines top-down, starting a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private PDPageContentStream out;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void write(PDType0Font font, String raw, float size) throws IOException {
            for (String line : wrap(font, printable(font, raw), size, PAGE.getWidth() - 2 * MARGIN)) {
                if (y - size < MARGIN) {
                    newPage();
                }
                y -= size * 1.4f;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(MARGIN, y);
                out.showText(line);
                out.endText();
            }
        }

        void close() throws IOException {
            out.close();
        }
    }

    /** Breaks at spaces where it can, else anywhere (Korean titles may have long runs without one). */
    private static List<String> wrap(PDType0Font font, String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            String next = line + new String(Character.toChars(cp));
            if (font.getStringWidth(next) / 1000 * size > width && !line.isEmpty()) {
                int space = line.lastIndexOf(" ");
                if (space > line.length() / 2) {
                    lines.add(line.substring(0, space));
                    line = new StringBuilder(line.substring(space + 1));
                } else {
                    lines.add(line.toString());
                    line = new StringBuilder();
                }
            }
            line.appendCodePoint(cp);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Replaces characters the font has no glyph for, so an unusual name never stops a certificate. */
    private static String printable(PDType0Font font, String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int cp : text.codePoints().toArray()) {
            if (Character.isISOControl(cp)) {
                result.append(' ');
                continue;
            }
            try {
                font.encode(new String(Character.toChars(cp)));
                result.appendCodePoint(cp);
            } catch (IllegalArgumentException | IOException e) {
                result.append('?');
            }
        }
        return result.toString();
    }

    private static byte[] font(String path) {
        try (InputStream in = CertificatePrinter.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

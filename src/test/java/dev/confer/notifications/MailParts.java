package dev.confer.notifications;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The parts of a received mail, found by walking its MIME tree, and QR decoding for the tests. */
record MailParts(String contentType, String text, String html, byte[] inlinePng, String inlineContentId, String calendar,
                 String calendarFileName) {

    static MailParts of(MimeMessage message) {
        try {
            List<Part> leaves = new ArrayList<>();
            collect(message, leaves);
            String text = null;
            String html = null;
            byte[] png = null;
            String cid = null;
            String calendar = null;
            String calendarFile = null;
            for (Part part : leaves) {
                if (part.isMimeType("text/calendar") && calendar == null) {
                    try (InputStream in = part.getInputStream()) {
                        calendar = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                    calendarFile = part.getFileName();
                    continue;
                }
                if (part.isMimeType("text/plain") && text == null) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html") && html == null) {
                    html = (String) part.getContent();
                } else if (part.isMimeType("image/png") && png == null) {
                    try (InputStream in = part.getInputStream()) {
                        png = in.readAllBytes();
                    }
                    cid = part instanceof MimeBodyPart mime ? mime.getContentID() : null;
                }
            }
            return new MailParts(message.getContentType(), text, html, png, cid, calendar, calendarFile);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, List<Part> leaves) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    static String decodeQr(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            // PURE_BARCODE: the image is the rendered code itself; ZXing's finder-pattern detector, made for
            // camera photos, fails on a few percent of such perfect images (see TicketQrTest)
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (IOException | NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("not a readable QR code", e);
        }
    }
}

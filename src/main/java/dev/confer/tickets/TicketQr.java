package dev.confer.tickets;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A ticket as a QR code, the one encoding every printed or shown ticket uses (error correction M,
 * quiet zone of two modules), so desk scanners see the same code on a badge, a mail and a phone.
 */
public final class TicketQr {

    private TicketQr() {
    }

    /** The modules of the code, one entry per module (no scaling). */
    public static BitMatrix matrix(String ticket) {
        try {
            return new QRCodeWriter().encode(ticket, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The ticket does not fit a QR code", e);
        }
    }

    /** A PNG about {@code size} pixels wide, large enough for a desk scanner reading a phone screen. */
    public static byte[] png(String ticket, int size) {
        try {
            BitMatrix modules = matrix(ticket);
            int scale = Math.max(1, size / modules.getWidth());
            BitMatrix scaled = new BitMatrix(modules.getWidth() * scale);
            for (int y = 0; y < modules.getHeight(); y++) {
                for (int x = 0; x < modules.getWidth(); x++) {
                    if (modules.get(x, y)) {
                        scaled.setRegion(x * scale, y * scale, scale, scale);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            MatrixToImageWriter.writeToStream(scaled, "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.confer.tickets;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A ticket as a QR code, the one encoding every printed or shown ticket uses (error correction M,
 * quiet zone of four modules, as the QR standard asks), so desk scanners see the same code on a badge, a mail and a phone.
 */
public final class TicketQr {

    private TicketQr() {
    }

    /** The modules of the code, one entry per module (no scaling). */
    public static BitMatrix matrix(String ticket) {
        try {
            // the mask is chosen by ZXing's penalty rules: a fixed one was cheaper but not always readable
            return new QRCodeWriter().encode(ticket, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The ticket does not fit a QR code", e);
        }
    }

    /**
     * A PNG about {@code size} pixels wide, large enough for a desk scanner reading a phone screen.
     * Drawn straight into a 1-bit image: a mail per registration must not cost a 24-bit bitmap.
     */
    public static byte[] png(String ticket, int size) {
        BitMatrix modules = matrix(ticket);
        int scale = Math.max(1, size / modules.getWidth());
        int width = modules.getWidth() * scale;
        BufferedImage image = new BufferedImage(width, width, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        byte[] line = new byte[stride];
        for (int row = 0; row < modules.getHeight(); row++) {
            java.util.Arrays.fill(line, (byte) 0xFF); // white
            for (int col = 0; col < modules.getWidth(); col++) {
                if (modules.get(col, row)) {
                    for (int x = col * scale; x < (col + 1) * scale; x++) {
                        line[x >> 3] &= (byte) ~(0x80 >> (x & 7));
                    }
                }
            }
            for (int y = row * scale; y < (row + 1) * scale; y++) {
                System.arraycopy(line, 0, pixels, y * stride, stride);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

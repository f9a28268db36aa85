package dev.confer.tickets;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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
     * A PNG about {@code size} pixels wide, large enough for a desk scanner reading a phone screen: 1-bit greyscale,
     * written here straight from the modules (the first row of each module row as is, its repeats with PNG's "up"
     * filter, which makes them all zeros and nearly free to deflate). A mail per registration must not pay for
     * ImageIO's per-pixel raster walk, which took about as much CPU as choosing the code's mask.
     */
    public static byte[] png(String ticket, int size) {
        BitMatrix modules = matrix(ticket);
        int scale = Math.max(1, size / modules.getWidth());
        int width = modules.getWidth() * scale;
        int stride = (width + 7) / 8;
        byte[] raw = new byte[(stride + 1) * width]; // each row: its filter byte, then its pixels
        byte[] line = new byte[stride];
        int at = 0;
        for (int row = 0; row < modules.getHeight(); row++) {
            java.util.Arrays.fill(line, (byte) 0xFF); // white
            for (int col = 0; col < modules.getWidth(); col++) {
                if (modules.get(col, row)) {
                    for (int x = col * scale; x < (col + 1) * scale; x++) {
                        line[x >> 3] &= (byte) ~(0x80 >> (x & 7));
                    }
                }
            }
            raw[at++] = 0; // filter "none"
            System.arraycopy(line, 0, raw, at, stride);
            at += stride;
            for (int repeat = 1; repeat < scale; repeat++) {
                raw[at] = 2; // filter "up": the same as the row above, so its bytes stay zero
                at += stride + 1;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(width)
                .put((byte) 1) // bit depth
                .put((byte) 0) // greyscale
                .put((byte) 0).put((byte) 0).put((byte) 0); // deflate, adaptive filters, no interlace
        chunk(out, "IHDR", header.array(), 13);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] compressed = new byte[raw.length + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == compressed.length) {
                    compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
                }
                length += deflater.deflate(compressed, length, compressed.length - length);
            }
            chunk(out, "IDAT", compressed, length);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        out.writeBytes(name);
        out.write(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

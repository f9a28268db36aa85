package dev.confer.tickets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

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

    /** The mask chosen per ticket, so a ticket drawn again (My ticket, its badge) skips the choice. */
    private static final Cache<String, Integer> MASKS = Caffeine.newBuilder().maximumSize(20_000).build();
    private static final int QUIET_ZONE = 4;

    /**
     * The modules of the code, one entry per module (no scaling), with its quiet zone. The mask is ZXing's choice by
     * the QR standard's penalty rules unless ZXing's own finder-pattern detector (the one the camera pages run on
     * Safari and Firefox) then misses the code at some module size: about 1 % of ticket codes, perfectly drawn, are
     * never found because their data looks like a finder pattern. Such a ticket gets the first other mask the
     * detector finds at every size; the text and the error correction stay the same, so any reader decodes it.
     */
    public static BitMatrix matrix(String ticket) {
        Integer known = MASKS.getIfPresent(ticket);
        if (known != null) {
            return modules(encode(ticket, known));
        }
        QRCode code = encode(ticket, -1);
        BitMatrix modules = modules(code);
        int mask = code.getMaskPattern();
        for (int other = 0; other < QRCode.NUM_MASK_PATTERNS && !CodeFinder.findsAtEverySize(modules); other++) {
            if (other != code.getMaskPattern()) {
                modules = modules(encode(ticket, other));
                mask = other;
            }
        }
        MASKS.put(ticket, mask);
        return modules;
    }

    private static QRCode encode(String ticket, int mask) {
        try {
            return mask < 0 ? Encoder.encode(ticket, ErrorCorrectionLevel.M)
                    : Encoder.encode(ticket, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, mask));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The ticket does not fit a QR code", e);
        }
    }

    /** The code's modules inside a quiet zone of four modules, as {@code QRCodeWriter} draws them at size 0. */
    private static BitMatrix modules(QRCode code) {
        ByteMatrix input = code.getMatrix();
        int size = input.getWidth() + 2 * QUIET_ZONE;
        BitMatrix output = new BitMatrix(size, size);
        for (int y = 0; y < input.getHeight(); y++) {
            for (int x = 0; x < input.getWidth(); x++) {
                if (input.get(x, y) == 1) {
                    output.set(x + QUIET_ZONE, y + QUIET_ZONE);
                }
            }
        }
        return output;
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

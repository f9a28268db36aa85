package dev.confer.tickets;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class TicketQrTest {

    @Test
    void everyPngDecodesBackToItsTicket() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 600; i++) {
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            String ticket = "CF1.demo-" + i + "." + TicketText.encode(dev.confer.shared.RegistrationId.random()) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            byte[] png = TicketQr.png(ticket, 320);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isBetween(240, 320);
            // as a camera page reads it: ZXing's finder-pattern search, no hint that the picture is a bare code
            assertThat(read(image)).as("ticket #%d (%s)", i, ticket).isEqualTo(ticket);
        }
    }

    @Test
    void aTicketWhoseUsualMaskHidesItFromTheDetectorIsDrawnWithAnotherMask() throws Exception {
        java.util.Random random = new java.util.Random(11); // about 1 in 100 tickets meets it; this seed within 300
        for (int i = 0; i < 3000; i++) {
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            String ticket = "CF1.demo." + TicketText.encode(new dev.confer.shared.RegistrationId(
                    new java.util.UUID(random.nextLong(), random.nextLong()))) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            com.google.zxing.common.BitMatrix usual = new com.google.zxing.qrcode.QRCodeWriter().encode(ticket,
                    com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    java.util.Map.of(com.google.zxing.EncodeHintType.ERROR_CORRECTION,
                            com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
                            com.google.zxing.EncodeHintType.MARGIN, 4));
            if (read(com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(scaled(usual, 6))) == null) {
                com.google.zxing.common.BitMatrix drawn = TicketQr.matrix(ticket);
                assertThat(drawn).as("another mask than the penalty rules chose").isNotEqualTo(usual);
                for (int scale = 2; scale <= 9; scale++) {
                    assertThat(read(com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(scaled(drawn, scale))))
                            .as("ticket #%d at %d pixels a module", i, scale).isEqualTo(ticket);
                }
                assertThat(TicketQr.matrix(ticket)).as("the same code when drawn again").isEqualTo(drawn);
                return;
            }
        }
        throw new AssertionError("no ticket among 3,000 had a code the detector misses: the seed no longer finds one");
    }

    private static String read(BufferedImage image) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
        } catch (com.google.zxing.ReaderException e) {
            return null;
        }
    }

    private static com.google.zxing.common.BitMatrix scaled(com.google.zxing.common.BitMatrix modules, int scale) {
        com.google.zxing.common.BitMatrix picture = new com.google.zxing.common.BitMatrix(modules.getWidth() * scale);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    picture.setRegion(x * scale, y * scale, scale, scale);
                }
            }
        }
        return picture;
    }

    @Test
    void thePngShowsEveryModuleAsASquareOfPixels() throws Exception {
        String ticket = "CF1.demo." + TicketText.encode(dev.confer.shared.RegistrationId.random()) + ".signature";
        com.google.zxing.common.BitMatrix modules = TicketQr.matrix(ticket);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(TicketQr.png(ticket, 320)));
        int scale = 320 / modules.getWidth();
        assertThat(image.getWidth()).isEqualTo(modules.getWidth() * scale);
        assertThat(image.getHeight()).isEqualTo(image.getWidth());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean dark = (image.getRGB(x, y) & 0xFFFFFF) == 0;
                boolean light = (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF;
                assertThat(dark || light).as("pixel %d,%d is black or white", x, y).isTrue();
                assertThat(dark).as("pixel %d,%d", x, y).isEqualTo(modules.get(x / scale, y / scale));
            }
        }
    }
}

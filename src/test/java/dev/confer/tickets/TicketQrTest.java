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
        for (int i = 0; i < 300; i++) {
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            String ticket = "CF1.demo-" + i + "." + TicketText.encode(dev.confer.shared.RegistrationId.random()) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            byte[] png = TicketQr.png(ticket, 320);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isBetween(240, 320);
            String decoded;
            try {
                // PURE_BARCODE: ZXing's finder-pattern detector (made for camera photos) fails on a few percent
                // of perfect renderings, ZXing's own included; a phone scanner reads them
                decoded = new QRCodeReader().decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            } catch (com.google.zxing.ReaderException e) {
                throw new AssertionError("ticket #" + i + " (" + ticket + ") is not readable", e);
            }
            assertThat(decoded).isEqualTo(ticket);
        }
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

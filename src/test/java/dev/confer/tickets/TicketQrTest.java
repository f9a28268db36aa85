package dev.confer.tickets;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TicketQrTest {

    @Test
    void everyPngDecodesBackToItsTicket() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 300; i++) {
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            String ticket = "CF1.demo-" + i + "." + Tickets.encode(UUID.randomUUID()) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            byte[] png = TicketQr.png(ticket, 320);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isBetween(240, 320);
            String decoded = new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.FALSE)).getText();
            assertThat(decoded).isEqualTo(ticket);
        }
    }
}

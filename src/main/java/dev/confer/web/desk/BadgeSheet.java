package dev.confer.web.desk;

import com.google.zxing.common.BitMatrix;
import dev.confer.tickets.TicketQr;

/**
 * The badge as the desk page prints it from its own print layout (a kiosk printer, no PDF viewer in between): the
 * ticket's QR code as one SVG path of dark modules, so it stays sharp at any printer resolution, as on the PDF badge.
 */
record BadgeSheet(int modules, String qrPath) {

    static BadgeSheet of(String ticket) {
        BitMatrix matrix = TicketQr.matrix(ticket);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
                    run++;
                }
                path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                x += run;
            }
        }
        return new BadgeSheet(matrix.getWidth(), path.toString());
    }
}

package fr.maillage.adapter.rest.visit;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** QR codes as SVG (ZXing computes the modules; the drawing is one path of horizontal runs). */
final class QrCodes {

    private QrCodes() {
    }

    /** The modules of the QR code of {@code text}, quiet zone included (4 modules), error correction M. */
    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** An SVG image of the QR code of {@code text}, {@code sizePx} wide, titled {@code title} (for screen readers). */
    static String svg(String text, String title, int sizePx) {
        BitMatrix m = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                        .append("v1h-").append(x - start).append('z');
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" \
                shape-rendering="crispEdges" role="img" aria-label="%s">
                <title>%s</title>
                <rect width="100%%" height="100%%" fill="#fff"/>
                <path fill="#000" d="%s"/>
                </svg>
                """.formatted(sizePx, sizePx, m.getWidth(), m.getHeight(), xml(title), xml(title), path);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package fr.maillage.adapter.rest.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class QrCodesAndCsvTest {

    static final String LINK = "https://maillage.example.org/check-in?network=baronnies&token="
            + "AQGiArf9yHuqovF7z0bvvvQAW1DZs_zsp9y9S4JUdVMynR3P2A";

    @Test
    void the_qr_code_reads_back_as_the_link() throws Exception {
        BitMatrix m = QrCodes.matrix(LINK);
        int scale = 4;
        int width = m.getWidth() * scale;
        int height = m.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels)))).getText();
        assertThat(read).isEqualTo(LINK);
    }

    @Test
    void the_svg_is_well_formed_and_titled() throws Exception {
        String svg = QrCodes.svg(LINK, "Arrivée à <La Serre> & co", 320);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo("320");
        assertThat(document.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Arrivée à <La Serre> & co");
        BitMatrix m = QrCodes.matrix(LINK);
        assertThat(document.getDocumentElement().getAttribute("viewBox"))
                .isEqualTo("0 0 " + m.getWidth() + " " + m.getHeight());
    }

    @Test
    void csv_cells_are_quoted_when_needed_and_never_read_as_formulas() {
        assertThat(ReportController.cell("Association Les Tuves")).isEqualTo("Association Les Tuves");
        assertThat(ReportController.cell("SCIC; La Loco")).isEqualTo("\"SCIC; La Loco\"");
        assertThat(ReportController.cell("Le \"Fournil\"")).isEqualTo("\"Le \"\"Fournil\"\"\"");
        assertThat(ReportController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportController.cell("-1")).isEqualTo("\"'-1\"");
    }

    @Test
    void csv_is_chosen_only_when_asked_before_json() {
        assertThat(ReportController.prefersCsv(null)).isFalse();
        assertThat(ReportController.prefersCsv("*/*")).isFalse();
        assertThat(ReportController.prefersCsv("application/json")).isFalse();
        assertThat(ReportController.prefersCsv("text/csv")).isTrue();
        assertThat(ReportController.prefersCsv("text/csv, application/json;q=0.5")).isTrue();
        assertThat(ReportController.prefersCsv("application/json, text/csv")).isFalse();
        assertThat(ReportController.prefersCsv("application/json;q=0.2, text/csv")).isTrue();
        assertThat(ReportController.prefersCsv("n'importe quoi")).isFalse();
    }

    @Test
    void euros_are_written_as_people_read_them() {
        assertThat(CheckInController.euros(5_000, "fr")).isEqualTo("50,00\u00a0€");
        assertThat(CheckInController.euros(1_205, "en")).isEqualTo("€12.05");
    }
}

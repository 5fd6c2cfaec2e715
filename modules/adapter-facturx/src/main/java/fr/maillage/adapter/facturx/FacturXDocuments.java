package fr.maillage.adapter.facturx;

import fr.maillage.application.invoice.port.in.InvoicesQuery.InvoiceDetails;
import fr.maillage.application.invoice.port.out.InvoiceDocumentPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.mustangproject.ZUGFeRD.IZUGFeRDExporter;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromPDFA;
import org.mustangproject.ZUGFeRD.ZUGFeRDVisualizer;
import org.springframework.stereotype.Component;

/**
 * Factur-X documents: the EN 16931 XML ({@link CrossIndustryInvoiceXml}), rendered in French as a PDF/A by Mustang's
 * visualizer (Apache FOP), then turned into a PDF/A-3 with the XML embedded as {@code factur-x.xml} (profile
 * EN16931). Rendering takes a few hundred milliseconds: it is done on demand, never in a membership transaction.
 */
@Component
class FacturXDocuments implements InvoiceDocumentPort {

    @Override
    public byte[] pdf(InvoiceDetails document) {
        String xml = CrossIndustryInvoiceXml.of(document.invoice());
        try {
            byte[] visual = new ZUGFeRDVisualizer().toPDF(xml, ZUGFeRDVisualizer.Language.FR);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (IZUGFeRDExporter exporter = new ZUGFeRDExporterFromPDFA().ignorePDFAErrors().load(visual)) {
                exporter.setProducer("Maillage").setCreator("Maillage")
                        .setProfile(Profiles.getByName("EN16931")).setXML(xml.getBytes(StandardCharsets.UTF_8));
                exporter.export(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

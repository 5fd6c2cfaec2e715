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
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Factur-X documents: the EN 16931 XML ({@link CrossIndustryInvoiceXml}), rendered in French as a PDF/A by Mustang's
 * visualizer (Apache FOP), then turned into a PDF/A-3 with the XML embedded as {@code factur-x.xml} (profile
 * EN16931). Rendering takes a few hundred milliseconds: it is done on demand, never in a membership transaction.
 */
@Component
class FacturXDocuments implements InvoiceDocumentPort {

    private static final System.Logger LOG = System.getLogger(FacturXDocuments.class.getName());

    /**
     * Renders a sample document once in the background when the application has started: Apache FOP's first run
     * (classes, fonts, style sheets) takes seconds, which the first member downloading an invoice should not wait.
     */
    @EventListener(ContextRefreshedEvent.class)
    void warmUp() {
        Thread.ofPlatform().daemon().name("facturx-warm-up").priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                render(new InvoiceDetails(Sample.invoice(), 0, 0));
                LOG.log(System.Logger.Level.DEBUG, "Factur-X rendering warmed up");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Factur-X warm-up failed: " + e);
            }
        });
    }

    /** Documents never change: the last renderings are kept (by hash, 64 at most, about 100 KB each). */
    private static final int CACHED = 64;
    private final java.util.Map<String, byte[]> rendered = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(CACHED, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
                    return size() > CACHED;
                }
            });

    @Override
    public byte[] pdf(InvoiceDetails document) {
        String key = document.invoice().id() + ":" + document.invoice().hash();
        byte[] cached = rendered.get(key);
        if (cached != null) {
            return cached.clone();
        }
        byte[] pdf = render(document);
        rendered.put(key, pdf);
        return pdf.clone();
    }

    private static byte[] render(InvoiceDetails document) {
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

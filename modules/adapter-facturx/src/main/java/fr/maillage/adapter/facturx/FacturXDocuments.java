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
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FopFactoryBuilder;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.apache.fop.configuration.Configuration;
import org.apache.fop.configuration.ConfigurationException;
import org.apache.fop.configuration.DefaultConfigurationBuilder;
import org.apache.xmlgraphics.util.MimeConstants;
import org.mustangproject.ClasspathResolverURIAdapter;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Factur-X documents: the EN 16931 XML ({@link CrossIndustryInvoiceXml}) and the printed invoice in French
 * ({@link InvoiceLayout}, XSL-FO rendered by Apache FOP as a PDF/A-3b with Mustang's embedded fonts), then the XML
 * embedded in it as {@code factur-x.xml} (profile EN16931) by Mustang. Rendering takes a few hundred milliseconds: it is done on demand, never in a membership transaction.
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
            byte[] visual = printed(InvoiceLayout.fo(document.invoice()));
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

    /** The FOP factory: Mustang's configuration (its embedded Source Sans/Serif fonts, the sRGB output profile). */
    private static final FopFactory FOP = fopFactory();

    private static FopFactory fopFactory() {
        try (InputStream config = FacturXDocuments.class.getClassLoader().getResourceAsStream("fop-config.xconf")) {
            if (config == null) {
                throw new IllegalStateException("fop-config.xconf (Mustang's) is not on the class path");
            }
            // Only the fonts it names, embedded from the class path: no scan of the machine's fonts.
            String xconf = new String(config.readAllBytes(), StandardCharsets.UTF_8).replace("<auto-detect/>", "");
            Configuration cfg = new DefaultConfigurationBuilder().build(
                    new java.io.ByteArrayInputStream(xconf.getBytes(StandardCharsets.UTF_8)));
            URI base = new java.io.File(".").toURI();
            FopFactory factory = new FopFactoryBuilder(base, new ClasspathResolverURIAdapter())
                    .setConfiguration(cfg).build();
            factory.getFontManager().setResourceResolver(ResourceResolverFactory.createInternalResourceResolver(
                    base, new ClasspathResolverURIAdapter()));
            return factory;
        } catch (IOException | ConfigurationException e) {
            throw new IllegalStateException("FOP cannot be configured", e);
        }
    }

    /** The printed document as a PDF/A-3b (every font embedded), from its XSL-FO. */
    static byte[] printed(String fo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            FOUserAgent agent = FOP.newFOUserAgent();
            agent.getRendererOptions().put("pdf-a-mode", "PDF/A-3b");
            agent.setProducer("Maillage");
            agent.setCreator("Maillage");
            Fop fop = FOP.newFop(MimeConstants.MIME_PDF, agent, out);
            // Parsed first, then replayed to FOP: FOP reads its own XML resources (its event model) while it
            // handles the events, which a parser still busy with the document would refuse (FWK005).
            javax.xml.parsers.DocumentBuilderFactory builders = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            builders.setNamespaceAware(true);
            org.w3c.dom.Document document = builders.newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new StringReader(fo)));
            Transformer identity = TransformerFactory.newInstance().newTransformer();
            identity.transform(new javax.xml.transform.dom.DOMSource(document),
                    new SAXResult(fop.getDefaultHandler()));
        } catch (TransformerException | javax.xml.parsers.ParserConfigurationException
                | org.xml.sax.SAXException | IOException e) {
            throw new IllegalStateException("the invoice could not be printed", e);
        }
        return out.toByteArray();
    }
}

package archfixtures.broken.adapter.facturx;

import org.mustangproject.fixture.ZUGFeRDExporter;

/** Compliant: Mustang belongs in the Factur-X adapter. */
public class FacturXInvoices {

    ZUGFeRDExporter exporter;
}

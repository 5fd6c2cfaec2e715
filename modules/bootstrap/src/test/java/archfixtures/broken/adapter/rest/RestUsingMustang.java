package archfixtures.broken.adapter.rest;

import org.mustangproject.fixture.ZUGFeRDExporter;

public class RestUsingMustang {

    ZUGFeRDExporter exporter;
}

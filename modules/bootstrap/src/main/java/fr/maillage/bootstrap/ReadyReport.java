package fr.maillage.bootstrap;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where to go once the application is ready, and how long it took to get there. */
@Component
public class ReadyReport {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyReport.class);

    private final Environment environment;

    public ReadyReport(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String base = "http://localhost:" + port;
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String database = environment.getProperty("maillage.db.embedded.running-port") == null
                ? "external PostgreSQL"
                : "embedded PostgreSQL on port " + environment.getProperty("maillage.db.embedded.running-port");
        LOG.info("""
                Maillage is ready in {} ms (since JVM start), with {}.
                  API:          {}/api/networks
                  API docs:     {}/swagger-ui.html  (OpenAPI 3.1: {}/v3/api-docs)
                  Health:       {}/actuator/health  (liveness: /actuator/health/liveness, readiness: /actuator/health/readiness)
                  Metrics:      {}/actuator/prometheus""",
                sinceJvmStart, database, base, base, base, base, base);
    }
}

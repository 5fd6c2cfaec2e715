package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.MaillageApplication;
import fr.maillage.adapter.persistence.tenant.TenantIsolationVerifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

/** At start, the application checks tenant isolation in the catalog and refuses to start when a fact is false. */
class TenantIsolationCheckIT extends EndToEndTest {

    @Autowired
    TenantIsolationVerifier verifier;

    @Autowired
    Environment environment;

    @Test
    void the_running_application_has_every_tenant_table_under_forced_row_level_security() {
        assertThat(verifier.tenantTables()).contains("network_role", "audit_event");
        assertThat(verifier.check()).isEmpty();
    }

    @Test
    void each_missing_protection_of_a_tenant_table_is_reported_by_name() throws SQLException {
        String table = "probe_" + Long.toString(System.nanoTime(), 36);
        try (Connection owner = ownerConnection(); Statement s = owner.createStatement()) {
            s.execute("create table " + table + " (network_id uuid not null, id uuid primary key)");
            try {
                assertThat(verifier.check()).contains("row-level security is not enabled on tenant table " + table);
                s.execute("alter table " + table + " enable row level security");
                assertThat(verifier.check()).contains("row-level security is not forced on tenant table " + table);
                s.execute("alter table " + table + " force row level security");
                assertThat(verifier.check()).contains("tenant table " + table + " has no policy on app.tenant");
                s.execute("create policy tenant_isolation on " + table
                        + " using (network_id = nullif(current_setting('app.tenant', true), '')::uuid)");
                assertThat(verifier.check()).isEmpty();
            } finally {
                s.execute("drop table " + table);
            }
        }
    }

    @Test
    void the_application_refuses_to_start_when_it_connects_as_the_owner_of_the_tables() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MaillageApplication.class)
                .run("--maillage.db.url=" + environment.getProperty("maillage.db.url"),
                        "--maillage.db.owner-user=" + environment.getProperty("maillage.db.owner-user"),
                        "--maillage.db.owner-password=" + environment.getProperty("maillage.db.owner-password"),
                        "--maillage.db.app-user=" + environment.getProperty("maillage.db.owner-user"),
                        "--maillage.db.app-password=" + environment.getProperty("maillage.db.owner-password"),
                        // The grants in the changelogs name the real application role (their checksums too).
                        "--spring.liquibase.parameters.app_role=" + environment.getProperty("maillage.db.app-user"),
                        "--maillage.identity.keycloak.url=" + environment.getProperty("maillage.identity.keycloak.url"),
                        "--server.port=0").close())
                .hasStackTraceContaining("Tenant isolation does not hold")
                .hasStackTraceContaining("owns tables");
    }

    private Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("maillage.db.url"),
                environment.getRequiredProperty("maillage.db.owner-user"),
                environment.getRequiredProperty("maillage.db.owner-password"));
    }
}

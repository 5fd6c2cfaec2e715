package fr.maillage.adapter.persistence.tenant;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start, after the migrations, reads PostgreSQL's catalog as the application's role and refuses to start (saying
 * which fact is false) unless tenant isolation holds: every tenant table (a table with a {@code network_id} column)
 * has row-level security enabled AND forced, with a policy on {@code app.tenant}; the application's role is no
 * superuser, cannot bypass row-level security, and owns no table (an owner could disable it).
 */
@Component
@DependsOn("liquibase")
public class TenantIsolationVerifier implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(TenantIsolationVerifier.class);

    private final JdbcTemplate jdbc;

    public TenantIsolationVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterPropertiesSet() {
        List<String> failures = check();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Tenant isolation does not hold; refusing to start:\n  - "
                    + String.join("\n  - ", failures));
        }
        LOG.info("Tenant isolation checked: {} tenant tables under forced row-level security, role {} owns none",
                tenantTables().size(), jdbc.queryForObject("select current_user", String.class));
    }

    /** The facts that are false (empty when isolation holds). */
    public List<String> check() {
        List<String> failures = new ArrayList<>();
        String role = jdbc.queryForObject("select current_user", String.class);
        if (Boolean.TRUE.equals(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user",
                Boolean.class))) {
            failures.add("the application role " + role + " is a superuser (superusers bypass row-level security)");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select rolbypassrls from pg_roles where rolname = current_user",
                Boolean.class))) {
            failures.add("the application role " + role + " has BYPASSRLS");
        }
        List<String> owned = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p') and n.nspname = current_schema()
                  and pg_get_userbyid(c.relowner) = current_user order by 1""", String.class);
        if (!owned.isEmpty()) {
            failures.add("the application role " + role + " owns tables " + owned
                    + " (an owner can disable row-level security)");
        }
        for (String table : tenantTables()) {
            Boolean[] flags = jdbc.queryForObject("""
                    select c.relrowsecurity, c.relforcerowsecurity from pg_class c
                    join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.relname = ?""",
                    (rs, i) -> new Boolean[] {rs.getBoolean(1), rs.getBoolean(2)}, table);
            if (flags == null || !flags[0]) {
                failures.add("row-level security is not enabled on tenant table " + table);
            } else if (!flags[1]) {
                failures.add("row-level security is not forced on tenant table " + table);
            }
            Long policies = jdbc.queryForObject("""
                    select count(*) from pg_policies where schemaname = current_schema() and tablename = ?
                      and qual like '%app.tenant%' and (with_check is null or with_check like '%app.tenant%')""",
                    Long.class, table);
            if (policies == null || policies == 0) {
                failures.add("tenant table " + table + " has no policy on app.tenant");
            }
        }
        return failures;
    }

    /** The tables that carry the tenant column. */
    public List<String> tenantTables() {
        // The catalog, not information_schema: the latter hides tables the role was granted nothing on.
        return jdbc.queryForList("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'network_id' and not a.attisdropped
                where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1""", String.class);
    }
}

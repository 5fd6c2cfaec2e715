package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The application connects as a role that owns no table, is no superuser and cannot bypass row-level security;
 * Liquibase migrated as another role, the owner. Row-level security (next step) relies on these facts.
 */
class DatabaseRolesIT extends EndToEndTest {

    @Test
    void the_application_role_owns_nothing_and_has_no_privilege_to_bypass_security() {
        String appRole = jdbc.queryForObject("select current_user", String.class);
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject("select rolbypassrls from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject(
                "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname not in ('pg_catalog', 'information_schema') "
                        + "and pg_get_userbyid(c.relowner) = current_user", Long.class)).isZero();
        String owner = jdbc.queryForObject("select tableowner from pg_tables where tablename = 'network'",
                String.class);
        assertThat(owner).isNotEqualTo(appRole);
    }

    @Test
    void the_application_role_can_neither_change_the_schema_nor_delete_networks() {
        assertThatThrownBy(() -> jdbc.execute("alter table network add column intruder int"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.update("delete from network where slug = 'nothing-here'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("create table intruder (id int)"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void the_migrations_ran_as_the_owner_and_are_recorded() {
        Long changesets = jdbc.queryForObject("select count(*) from pg_tables where tablename = 'databasechangelog'",
                Long.class);
        assertThat(changesets).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from databasechangelog", Long.class))
                .as("the application role cannot read or tamper with the migration history")
                .isInstanceOf(DataAccessException.class);
    }
}

package fr.maillage.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per JVM (zonky binaries, run in a user namespace when started as root), with the
 * two roles Maillage needs: the schema owner, which Liquibase migrates with, and the application role, which owns
 * nothing and has no {@code BYPASSRLS}. Shared by every Spring context of the JVM, so a test run starts it once.
 */
public final class EmbeddedPostgresServer {

    public static final String DATABASE = "maillage";
    public static final String OWNER_ROLE = "maillage_owner";
    public static final String APP_ROLE = "maillage_app";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static @Nullable EmbeddedPostgresServer instance;

    private final EmbeddedPostgres postgres;
    private final String ownerPassword;
    private final String appPassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String ownerPassword, String appPassword) {
        this.postgres = postgres;
        this.ownerPassword = ownerPassword;
        this.appPassword = appPassword;
    }

    /**
     * Starts the server on first call and returns the same one afterwards.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a temporary one, deleted when the JVM stops
     * @param port the port, 0 for any free one
     */
    public static synchronized EmbeddedPostgresServer startOnce(@Nullable Path dataDirectory, int port) {
        if (instance == null) {
            instance = start(dataDirectory, port);
        }
        return instance;
    }

    private static EmbeddedPostgresServer start(@Nullable Path dataDirectory, int port) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "120")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setPort(port);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            String ownerPassword = randomSecret();
            String appPassword = randomSecret();
            prepareDatabase(postgres, ownerPassword, appPassword);
            LOG.info("Embedded PostgreSQL ready on port {} in {} ms (data: {})", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDirectory == null ? "temporary" : dataDirectory);
            return new EmbeddedPostgresServer(postgres, ownerPassword, appPassword);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL could not be prepared", e);
        }
    }

    /** Creates (or updates) the two roles and the database; safe to run on a cluster kept from an earlier run. */
    private static void prepareDatabase(EmbeddedPostgres postgres, String ownerPassword, String appPassword)
            throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ensureRole(c, s, OWNER_ROLE, ownerPassword);
            ensureRole(c, s, APP_ROLE, appPassword);
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, DATABASE);
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE + " ENCODING 'UTF8'");
                    }
                }
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP_ROLE);
        }
    }

    private static void ensureRole(Connection c, Statement s, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            q.setString(1, role);
            try (ResultSet r = q.executeQuery()) {
                exists = r.next();
            }
        }
        String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD '"
                + password + "'";
        s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + attributes);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String appPassword() {
        return appPassword;
    }

    /** Stops the server; the process ends with it. Idempotent. */
    public static synchronized void stop() {
        if (instance != null) {
            try {
                instance.postgres.close();
            } catch (IOException e) {
                LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
            }
            instance = null;
        }
    }
}

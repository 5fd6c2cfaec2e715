package fr.maillage.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    private final int port;
    private final String ownerPassword;
    private final String appPassword;
    private final CompletableFuture<EmbeddedPostgres> postgres;

    private EmbeddedPostgresServer(@Nullable Path dataDirectory, int port) {
        this.port = port;
        this.ownerPassword = randomSecret();
        this.appPassword = randomSecret();
        // Started in the background: the application context builds itself meanwhile and waits for the server only
        // when it first needs a connection (see awaitReady()).
        this.postgres = CompletableFuture.supplyAsync(() -> start(dataDirectory, port, ownerPassword, appPassword),
                runnable -> Thread.ofPlatform().name("embedded-postgres-start").daemon().start(runnable));
    }

    /**
     * Starts the server on first call (in the background) and returns the same one afterwards.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a temporary one, deleted when the JVM stops
     * @param port the port, 0 for any free one
     */
    public static synchronized EmbeddedPostgresServer startOnce(@Nullable Path dataDirectory, int port) {
        if (instance == null) {
            instance = new EmbeddedPostgresServer(dataDirectory, port == 0 ? freePort() : port);
        }
        return instance;
    }

    /** Blocks until the server accepts connections; rethrows why it could not start. */
    public EmbeddedPostgresServer awaitReady() {
        try {
            postgres.join();
            return this;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres start(@Nullable Path dataDirectory, int port, String ownerPassword,
            String appPassword) {
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
            prepareDatabase(postgres, ownerPassword, appPassword);
            LOG.info("Embedded PostgreSQL ready on port {} in {} ms (data: {})", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDirectory == null ? "temporary" : dataDirectory);
            return postgres;
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
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
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
                instance.postgres.join().close();
            } catch (IOException | CompletionException e) {
                LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
            }
            instance = null;
        }
    }
}

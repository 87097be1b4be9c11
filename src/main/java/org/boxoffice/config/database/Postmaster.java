package org.boxoffice.config.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server process named in a data directory's {@code postmaster.pid} (first line: its pid; fourth: its
 * port), and whether it still runs there.
 *
 * <p>"Still runs" is stricter than {@link ProcessHandle#isAlive()}: a postmaster that died under a parent which does
 * not reap (a container's init, or none) stays a zombie that Java calls alive and PostgreSQL's own lock-file check
 * mistakes for a live server. So a zombie, or a pid since reused by a program that is not PostgreSQL, does not run.
 */
record Postmaster(long pid, int port, Path pidFile) {
    static final String PID_FILE = "postmaster.pid";

    /** The postmaster the directory names, if it has a readable {@code postmaster.pid}. */
    static Optional<Postmaster> of(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.getFirst().trim());
            int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : 0;
            return Optional.of(new Postmaster(pid, port, pidFile));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) { // half-written by a server killed while starting
            return Optional.of(new Postmaster(-1, 0, pidFile));
        }
    }

    boolean running() {
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        return process.filter(ProcessHandle::isAlive).isPresent() && !zombie()
                && process.get().info().command().map(command -> command.contains("postgres")).orElse(true);
    }

    /**
     * Asks it to stop (SIGTERM: PostgreSQL's smart shutdown, which ends once its sessions are gone; those of a crashed
     * application went with it) and waits until it has, or the bound has passed.
     */
    boolean stop(Duration within) throws InterruptedException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().destroy()) {
            return !running();
        }
        long deadline = System.nanoTime() + within.toNanos();
        while (running() && System.nanoTime() < deadline) {
            Thread.sleep(50); // a process that is not our child cannot be waited for; onExit polls the same way
        }
        return !running();
    }

    /** Removes the pid file of a server that no longer runs, which PostgreSQL would otherwise refuse to start over. */
    void forget() throws IOException {
        Files.deleteIfExists(pidFile);
    }

    private boolean zombie() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException e) {
            return false; // no /proc here: trust isAlive
        }
    }
}

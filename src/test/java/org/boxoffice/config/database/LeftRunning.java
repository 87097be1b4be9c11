package org.boxoffice.config.database;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * A stand-in for a Boxoffice that gets killed: started in a JVM of its own, it starts the embedded PostgreSQL on the
 * directory it is given, writes a row there, says so on its output and waits to be killed.
 */
public final class LeftRunning {
    private LeftRunning() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(Path.of(args[0]), 0, false).start();
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE written_before_the_kill (what text); "
                    + "INSERT INTO written_before_the_kill VALUES ('still here')");
        }
        System.out.println("READY " + server.pid().orElseThrow());
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}

package org.boxoffice.config.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.boxoffice.BoxofficeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The embedded database owns its data directory: whatever a crashed run left there, the first start works. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresServerTest {
    @TempDir
    Path data;

    @Test
    void aPostgresLeftRunningByAKilledApplicationIsStoppedCleanlyAndTheFirstStartWorks(CapturedOutput output)
            throws Exception {
        Path directory = data.resolve("postgres");
        Process killedApplication = applicationWithItsDatabaseOn(directory);
        long orphan = readyPid(killedApplication);
        killedApplication.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(Postmaster.of(directory)).get().extracting(Postmaster::pid).isEqualTo(orphan);
        assertThat(Postmaster.of(directory).orElseThrow().running()).as("the orphan still runs").isTrue();

        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, 0, false).start()) {
            assertThat(server.pid()).get().isNotEqualTo(orphan);
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)
                    .map(p -> new Postmaster(orphan, 0, directory.resolve("postmaster.pid")).running()).orElse(false))
                    .as("the orphan was stopped").isFalse();
            assertThat(read(server, "SELECT what FROM written_before_the_kill")).isEqualTo("still here");
        }
        assertThat(output).containsOnlyOnce("found PostgreSQL (pid " + orphan)
                .contains("left by a run that ended without stopping it; stopped it cleanly in");
    }

    /**
     * On SIGTERM the application stops its database itself, last, after graceful shutdown. zonky's own JVM hook would
     * stop it at once, under the requests still running: it is not registered, so SIGTERM of a JVM that only holds
     * the server leaves the database running (and the next start takes it over).
     */
    @Test
    void noHookOfItsOwnStopsTheDatabaseBehindTheApplicationsBack() throws Exception {
        Path directory = data.resolve("postgres");
        Process application = applicationWithItsDatabaseOn(directory);
        long postmaster = readyPid(application);
        application.destroy();
        assertThat(application.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Postmaster.of(directory).orElseThrow().running()).as("still running after SIGTERM").isTrue();
        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, 0, false).start()) {
            assertThat(server.pid()).get().isNotEqualTo(postmaster);
        }
    }

    @Test
    void aPidFileNamingAProcessThatIsNotPostgresIsRemoved(CapturedOutput output) throws Exception {
        Path directory = data.resolve("postgres");
        new EmbeddedPostgresServer(directory, 0, false).start().close();
        long notPostgres = ProcessHandle.current().pid(); // alive, so PostgreSQL itself would refuse to start
        Files.writeString(directory.resolve("postmaster.pid"), notPostgres + "\n" + directory + "\n0\n5432\n");

        try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, 0, false).start()) {
            assertThat(read(server, "SELECT 'up'")).isEqualTo("up");
        }
        assertThat(output).contains("naming pid " + notPostgres
                + ", which no longer runs PostgreSQL (the last run crashed); removed it");
    }

    @Test
    void aDirectoryARunningApplicationUsesIsRefusedInOneSentence() throws Exception {
        Path directory = data.resolve("postgres");
        try (EmbeddedPostgresServer running = new EmbeddedPostgresServer(directory, 0, false).start()) {
            assertThatThrownBy(() -> new EmbeddedPostgresServer(directory, 0, false).start())
                    .isInstanceOf(DataDirectoryInUse.class)
                    .hasMessage("The embedded database in " + directory + " is in use by another Boxoffice that is still"
                            + " running.");
            assertThat(running.running()).as("the running one was left alone").isTrue();
            assertThat(read(running, "SELECT 'up'")).isEqualTo("up");
        }
    }

    @Test
    void commitsReachTheDiskBeforeTheyAreAcknowledgedUnlessTheClusterIsThrowAway() throws Exception {
        try (EmbeddedPostgresServer kept = new EmbeddedPostgresServer(data.resolve("kept"), 0, false).start()) {
            assertThat(read(kept, "SHOW fsync")).isEqualTo("on");
            assertThat(read(kept, "SHOW synchronous_commit")).isEqualTo("on");
        }
        try (EmbeddedPostgresServer throwAway = new EmbeddedPostgresServer(data.resolve("tmp"), 0, true, false).start()) {
            assertThat(read(throwAway, "SHOW fsync")).isEqualTo("off");
        }
        assertThat(data.resolve("tmp")).doesNotExist();
        assertThat(data.resolve("kept")).isDirectory();
    }

    @Test
    void theApplicationThenFailsToStartWithThatSentenceAndNoStackTrace(CapturedOutput output) {
        try (EmbeddedPostgresServer running = new EmbeddedPostgresServer(data.resolve("postgres"), 0, false).start()) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(BoxofficeApplication.class).run(
                    "--boxoffice.data-dir=" + data, "--boxoffice.db.url=", "--server.port=0",
                    "--management.server.port=0", "--boxoffice.demo.enabled=false", "--boxoffice.jobs.enabled=false"))
                    .hasRootCauseInstanceOf(DataDirectoryInUse.class);
            assertThat(running.running()).isTrue();
        }
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("is in use by another Boxoffice that is still running.")
                .contains("give this one another BOXOFFICE_DATA_DIR")
                .doesNotContain("\tat org.boxoffice");
    }

    private static Process applicationWithItsDatabaseOn(Path directory) throws IOException {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), LeftRunning.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
    }

    private static long readyPid(Process process) throws IOException {
        var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("READY ")) {
                return Long.parseLong(line.substring("READY ".length()).trim());
            }
        }
        throw new IllegalStateException("the application to be killed never got ready (exit " + process.exitValue() + ")");
    }

    private static String read(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
             var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}

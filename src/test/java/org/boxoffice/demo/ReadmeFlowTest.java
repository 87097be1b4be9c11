package org.boxoffice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.boxoffice.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Runs the README's curl walkthrough, as written, against a server with the demo data: the docs cannot rot. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.demo.enabled=true", "boxoffice.db.url=", "boxoffice.admin-key="})
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class ReadmeFlowTest {
    @LocalServerPort
    int port;
    @Autowired
    DemoSetup setup;

    @Test
    void theReadmeWalkthroughsWorkAgainstTheDemoData() throws Exception {
        assertThat(run("flow")).contains("('101', 200)").contains("('confirmed', 'captured', 'order-");
        assertThat(run("mor-flow")).contains("'USD', 'http").contains("/sandbox/checkout?payment_intent=pi_sandbox_")
                .contains("succeeded").contains("('checked_out', ['booked'])").contains("%PDF-");
    }

    /** Runs the README's block between {@code <!-- name:start -->} and its end, in a scratch directory. */
    private String run(String name) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String block = readme.substring(readme.indexOf("<!-- " + name + ":start -->"), readme.indexOf("<!-- " + name + ":end -->"));
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"))
                .replace("BASE=http://localhost:8080", "BASE=http://localhost:" + port)
                .replace("CREDENTIALS=data/demo-credentials.txt", "CREDENTIALS=" + setup.credentialsFile().toAbsolutePath());
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(Files.createTempDirectory("readme").toFile()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(output).isZero();
        return output;
    }
}

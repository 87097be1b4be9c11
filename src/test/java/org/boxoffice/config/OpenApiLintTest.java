package org.boxoffice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redocly CLI's recommended rules (the npm package pinned in {@code package.json}, installed by the build's
 * {@code npm install}) on the committed document: 0 errors. Without the tool this fails, it never skips.
 */
class OpenApiLintTest {
    private static final Path REDOCLY = Path.of("node_modules/.bin/redocly");

    @Test
    void theDocumentPassesRedoclysRecommendedRules() throws IOException, InterruptedException {
        assertThat(REDOCLY).as("Redocly CLI: run `npm install` in the project directory").isExecutable();
        Process lint = new ProcessBuilder(REDOCLY.toString(), "lint", "docs/openapi.json", "--format=stylish")
                .redirectErrorStream(true).start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(report).isZero();
        assertThat(report).contains("docs/openapi.json").doesNotContain(" error ");
        assertThat(Files.readString(Path.of("redocly.yaml"))).contains("recommended");
    }
}

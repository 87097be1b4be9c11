package org.boxoffice.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.boxoffice.support.MutableClock;
import org.junit.jupiter.api.Test;

/** A configured operator key: at least 32 characters, compared whole whatever its length (bcrypt's 72 do not apply). */
class OperatorKeysTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void aConfiguredKeyShorterThan32CharactersIsRefusedAtStart() {
        assertThatThrownBy(() -> new OperatorKeys(null, clock, "k".repeat(31)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new OperatorKeys(null, clock, "has spaces and is long enough to pass"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new OperatorKeys(null, clock, "k".repeat(32)).verify("k".repeat(32))).isTrue();
    }

    @Test
    void aLongConfiguredKeyIsComparedWhole() {
        String key = "operator-key-".repeat(10); // 130 characters: past bcrypt's 72
        OperatorKeys keys = new OperatorKeys(null, clock, key);
        assertThat(keys.verify(key)).isTrue();
        assertThat(keys.verify(key.substring(0, 72))).isFalse();
        assertThat(keys.verify(key.substring(0, key.length() - 1) + "X")).isFalse();
        assertThat(keys.verify(key + "-")).isFalse();
        assertThat(keys.verify("")).isFalse();
    }
}

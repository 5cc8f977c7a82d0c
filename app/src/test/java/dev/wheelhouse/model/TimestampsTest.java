package dev.wheelhouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static Instant parse(String text) {
        return Timestamps.parse(text, text.length());
    }

    @Test
    void readsWhatInstantParseReadsForEveryFractionLength() {
        for (String text : new String[] {"2026-11-26T10:24:05Z", "2026-11-26T10:24:05.1Z", "2026-11-26T10:24:05.123456Z",
            "2026-11-26T10:24:05.914315000Z", "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z"}) {
            assertThat(parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void otherShapesGoToTheGeneralParserOrFail() {
        assertThat(parse("2026-11-26T10:24:05+02:00")).isEqualTo(Instant.parse("2026-11-26T08:24:05Z"));
        assertThatThrownBy(() -> parse("not a time at all")).isInstanceOf(DateTimeParseException.class);
        assertThat(Timestamps.parse("2026-11-26T10:24:05.5Z rest", 22)).isEqualTo(Instant.parse("2026-11-26T10:24:05.5Z"));
        assertThatThrownBy(() -> parse("2026-02-31T00:00:00Z")).isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void anObjectsCreationTimeIsReadSoAndAnImpossibleOneIsNone() {
        assertThat(new KubeObject(java.util.Map.of("metadata", java.util.Map.of("creationTimestamp", "2026-11-26T10:24:05Z")))
                .creationTimestamp()).contains(Instant.parse("2026-11-26T10:24:05Z"));
        assertThat(new KubeObject(java.util.Map.of("metadata", java.util.Map.of("creationTimestamp", "2026-02-31T00:00:00Z")))
                .creationTimestamp()).isEmpty();
    }
}

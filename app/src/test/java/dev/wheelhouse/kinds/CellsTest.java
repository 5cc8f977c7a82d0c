package dev.wheelhouse.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CellsTest {
    @Test
    void agesReadLikeKubectl() {
        assertThat(Cells.age(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Cells.age(Duration.ofSeconds(330))).isEqualTo("5m30s");
        assertThat(Cells.age(Duration.ofMinutes(12))).isEqualTo("12m");
        assertThat(Cells.age(Duration.ofMinutes(310))).isEqualTo("5h10m");
        assertThat(Cells.age(Duration.ofHours(20))).isEqualTo("20h");
        assertThat(Cells.age(Duration.ofHours(76))).isEqualTo("3d4h");
        assertThat(Cells.age(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(Cells.age(Duration.ofDays(740))).isEqualTo("2y10d");
        assertThat(Cells.age(Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}

package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineRingTest {
    @Test
    void keepsTheNewestLinesUpToItsBoundAndSaysWhichFellOut() {
        LineRing<Integer> ring = new LineRing<>(3);
        assertThat(ring.addAll(List.of(1, 2))).isEmpty();
        assertThat(ring.addAll(List.of(3, 4, 5))).containsExactly(1, 2);
        assertThat(ring.toList()).containsExactly(3, 4, 5);
        assertThat(ring.get(0)).isEqualTo(3);
        assertThat(ring.dropped()).isEqualTo(2);
    }

    @Test
    void aBatchLargerThanTheBoundKeepsOnlyItsNewestLines() {
        LineRing<Integer> ring = new LineRing<>(3);
        ring.addAll(List.of(1));
        assertThat(ring.addAll(IntStream.rangeClosed(2, 10).boxed().toList())).containsExactly(2, 3, 4, 5, 6, 7, 1);
        assertThat(ring.toList()).containsExactly(8, 9, 10);
        assertThat(ring.size()).isEqualTo(3);
    }

    @Test
    void lateLinesGoInTheirPlaceAndAFullRingDropsItsOldestForThem() {
        LineRing<Integer> ring = new LineRing<>(4);
        ring.addAll(List.of(10, 20, 20, 40));
        assertThat(ring.positionAfter(20, Comparator.naturalOrder())).as("after equal lines").isEqualTo(3);
        assertThat(ring.positionAfter(5, Comparator.naturalOrder())).isZero();
        assertThat(ring.positionAfter(50, Comparator.naturalOrder())).isEqualTo(4);
        assertThat(ring.insertAll(List.of(30), Comparator.naturalOrder())).containsExactly(10);
        assertThat(ring.toList()).containsExactly(20, 20, 30, 40);
        assertThat(ring.insertAll(List.of(15), Comparator.naturalOrder())).as("older than every line of a full ring").containsExactly(15);
        assertThat(ring.toList()).containsExactly(20, 20, 30, 40);
        assertThat(ring.dropped()).isEqualTo(2);
    }

    @Test
    void insertingAcrossTheRingsWrapKeepsTheOrder() {
        LineRing<Integer> ring = new LineRing<>(5);
        ring.addAll(List.of(0, 1, 2, 3, 4, 5, 7));
        assertThat(ring.toList()).containsExactly(2, 3, 4, 5, 7);
        assertThat(ring.insertAll(List.of(6), Comparator.naturalOrder())).containsExactly(2);
        assertThat(ring.toList()).containsExactly(3, 4, 5, 6, 7);
        assertThat(ring.insertAll(List.of(4), Comparator.naturalOrder())).containsExactly(3);
        assertThat(ring.toList()).containsExactly(4, 4, 5, 6, 7);
    }

    @Test
    void manyLateLinesAreMergedInOnePassAfterLinesOfTheSameTime() {
        LineRing<String> ring = new LineRing<>(10);
        Comparator<String> byTime = Comparator.comparing(line -> line.charAt(0));
        ring.addAll(List.of("1a", "3a", "5a", "7a"));
        assertThat(ring.insertAll(List.of("2b", "3b", "6b", "8b"), byTime)).isEmpty();
        assertThat(ring.toList()).containsExactly("1a", "2b", "3a", "3b", "5a", "6b", "7a", "8b");
        assertThat(ring.insertAll(List.of(), byTime)).isEmpty();
    }

    @Test
    void aMillionLinesThroughTheRingLeaveItsSizeAtTheBound() {
        LineRing<Integer> ring = new LineRing<>(1000);
        for (int i = 0; i < 1000; i++) {
            ring.addAll(IntStream.range(i * 1000, (i + 1) * 1000).boxed().toList());
        }
        assertThat(ring.size()).isEqualTo(1000);
        assertThat(ring.get(0)).isEqualTo(999_000);
        assertThat(ring.get(999)).isEqualTo(999_999);
        assertThat(ring.dropped()).isEqualTo(999_000);
    }

    @Test
    void megabyteLinesAreBoundedByTheirCharactersNotOnlyByTheirCount() {
        LineRing<String> ring = new LineRing<>(100_000, 3_000_000, String::length);
        String megabyte = "x".repeat(1_000_000);
        for (int i = 0; i < 50; i++) {
            ring.addAll(List.of(megabyte, "short " + i));
        }
        assertThat(ring.toList().stream().mapToLong(String::length).sum()).isLessThanOrEqualTo(3_000_000);
        assertThat(ring.get(ring.size() - 1)).isEqualTo("short 49");
        assertThat(ring.dropped()).isEqualTo(100 - ring.size());

        LineRing<String> one = new LineRing<>(10, 5, String::length);
        one.addAll(List.of("abc", "far longer than the bound"));
        assertThat(one.toList()).as("the newest line stays, whatever its size").containsExactly("far longer than the bound");
    }

    @Test
    void theBoundComesFromTheSettingsWithAFloor() {
        assertThat(LineRing.capacityFrom(Settings.EMPTY)).isEqualTo(100_000);
        assertThat(LineRing.capacityFrom(new Settings(Map.of("logs.max-lines", 250_000)))).isEqualTo(250_000);
        assertThat(LineRing.capacityFrom(new Settings(Map.of("logs.max-lines", 5)))).isEqualTo(1_000);
    }
}

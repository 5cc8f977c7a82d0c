package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResumeFilterTest {
    private static Instant at(String time) {
        return Instant.parse("2026-01-01T00:00:" + time + "Z");
    }

    @Test
    void aResumedStreamDropsTheRepeatedSecondAndKeepsWhatIsNew() {
        ResumeFilter filter = new ResumeFilter();
        assertThat(filter.resumeTime()).isNull();
        assertThat(filter.accept(at("09.500"), "old")).isTrue();
        assertThat(filter.accept(at("10.100"), "a")).isTrue();
        assertThat(filter.accept(at("10.200"), "b")).isTrue();
        assertThat(filter.resumeTime()).isEqualTo(at("10"));

        filter.resume();
        // The server sends the whole second again: a and b were delivered, c was not.
        assertThat(filter.accept(at("10.100"), "a")).isFalse();
        assertThat(filter.accept(at("10.200"), "b")).isFalse();
        assertThat(filter.accept(at("10.300"), "c")).isTrue();
        assertThat(filter.accept(at("11.000"), "d")).isTrue();
    }

    @Test
    void theSameLineTwiceInOneSecondIsDroppedOnlyAsOftenAsItWasDelivered() {
        ResumeFilter filter = new ResumeFilter();
        filter.accept(at("10.100"), "tick");
        filter.resume();
        assertThat(filter.accept(at("10.100"), "tick")).isFalse();
        assertThat(filter.accept(at("10.100"), "tick")).as("a second tick the first stream never delivered").isTrue();
    }

    @Test
    void linesOlderThanTheResumedSecondAreDropped() {
        ResumeFilter filter = new ResumeFilter();
        filter.accept(at("10.100"), "a");
        filter.resume();
        assertThat(filter.accept(at("09.900"), "older")).isFalse();
    }

    @Test
    void resumingTwiceWithNothingNewInBetweenStillDropsTheRepeats() {
        ResumeFilter filter = new ResumeFilter();
        filter.accept(at("10.100"), "a");
        filter.resume();
        assertThat(filter.accept(at("10.100"), "a")).isFalse();
        filter.resume();
        assertThat(filter.accept(at("10.100"), "a")).isFalse();
        assertThat(filter.accept(at("10.900"), "b")).isTrue();
        filter.resume();
        assertThat(filter.accept(at("10.100"), "a")).isFalse();
        assertThat(filter.accept(at("10.900"), "b")).isFalse();
    }
}

package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Repeated texts come back as one copy; the cache stays the size it was made. */
class RecentStringsTest {
    @Test
    void anEqualTextSeenBeforeComesBackAsTheFirstCopy() {
        RecentStrings strings = new RecentStrings(8);
        String first = new String("Running");
        String again = new String("Running");

        assertThat(strings.canonical(first)).isSameAs(first);
        assertThat(strings.canonical(again)).isSameAs(first);
    }

    @Test
    void aTextWhoseSlotWasTakenSinceIsKeptAsItIs() {
        RecentStrings strings = new RecentStrings(1);
        String running = new String("Running");
        strings.canonical(running);
        strings.canonical("Pending");
        String again = new String("Running");

        assertThat(strings.canonical(again)).as("one slot: Pending took it").isSameAs(again);
        assertThat(strings.canonical(new String("Running"))).isSameAs(again);
    }

    @Test
    void longTextsAreNotKept() {
        RecentStrings strings = new RecentStrings(8);
        String message = "x".repeat(65);
        strings.canonical(message);
        String again = new String(message);

        assertThat(strings.canonical(again)).isSameAs(again);
    }
}

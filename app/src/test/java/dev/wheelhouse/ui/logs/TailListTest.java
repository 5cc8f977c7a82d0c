package dev.wheelhouse.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class TailListTest {
    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void keepsTheSameElementsAsAListWhileGrowingAtTheEndAndShrinkingAtTheFront() {
        TailList<Integer> tail = new TailList<>();
        List<Integer> expected = new ArrayList<>();
        Random random = new Random(6);
        int next = 0;
        for (int round = 0; round < 500; round++) {
            List<Integer> added = range(next, next + random.nextInt(300));
            next += added.size();
            tail.addAll(added);
            expected.addAll(added);
            int dropping = random.nextInt(Math.max(1, expected.size() / 2 + 1));
            tail.removeFirst(dropping);
            expected.subList(0, dropping).clear();
            // The list is in order: late elements merge in after equal ones.
            List<Integer> late = range(next - 2 * random.nextInt(20), next).stream().filter(i -> i % 2 == 0).toList();
            int from = Math.min(expected.size(), random.nextInt(expected.size() + 1));
            List<Integer> upper = new ArrayList<>(expected.subList(from, expected.size()));
            List<Integer> lower = late.stream().filter(i -> from == 0 || i >= expected.get(from - 1)).toList();
            tail.mergeFrom(from, lower, Comparator.naturalOrder());
            expected.subList(from, expected.size()).clear();
            expected.addAll(Stream.concat(upper.stream(), lower.stream()).sorted().toList());
            assertThat(tail).containsExactlyElementsOf(expected);
        }
        tail.setAll(range(0, 40));
        assertThat(tail).containsExactlyElementsOf(range(0, 40));
        tail.clear();
        assertThat(tail).isEmpty();
    }

    @Test
    void tellsListenersOfEachChangeAsOneRange() {
        TailList<Integer> tail = new TailList<>();
        tail.addAll(range(0, 10));
        List<String> changes = new ArrayList<>();
        tail.addListener((ListChangeListener<Integer>) change -> {
            while (change.next()) {
                if (change.wasReplaced()) {
                    changes.add("replaced " + change.getRemoved() + " by " + change.getAddedSubList());
                } else if (change.wasRemoved()) {
                    changes.add("removed " + change.getRemoved() + " at " + change.getFrom());
                } else if (change.wasAdded()) {
                    changes.add("added " + change.getFrom() + ".." + change.getTo());
                }
            }
        });
        tail.removeFirst(3);
        tail.addAll(range(10, 12));
        tail.mergeFrom(7, List.of(9, 11), Comparator.naturalOrder());
        tail.setAll(range(20, 22));
        assertThat(changes).containsExactly("removed [0, 1, 2] at 0", "added 7..9", "added 7..8", "added 10..11",
                "replaced [3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 11] by [20, 21]");
    }
}

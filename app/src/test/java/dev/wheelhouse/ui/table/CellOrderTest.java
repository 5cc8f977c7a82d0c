package dev.wheelhouse.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Printed cells sort by what they mean, not by their text. */
class CellOrderTest {
    private static final PrintedColumn TEXT = new PrintedColumn("Restarts", "string", "", 0, "");
    private static final PrintedColumn AGE = new PrintedColumn("Age", "string", "", 0, "");

    private static ResourceRow row(String name, String created, String cell) {
        return new ResourceRow(new KubeObject(Map.of("metadata", Map.of("name", name, "uid", name, "creationTimestamp", created))),
                List.of(cell), Health.NEUTRAL);
    }

    private static List<String> sorted(PrintedColumn column, ResourceRow... rows) {
        List<ResourceRow> list = new ArrayList<>(List.of(rows));
        list.sort(CellOrder.of(column, 0));
        return list.stream().map(ResourceRow::name).toList();
    }

    @Test
    void durationsSortByLength() {
        List<String> cells = new ArrayList<>(List.of("10m", "5m", "3d4h", "45s", "2y10d", "5h10m"));
        cells.sort(CellOrder::compare);
        assertThat(cells).containsExactly("45s", "5m", "10m", "5h10m", "3d4h", "2y10d");
    }

    @Test
    void numbersInsideTextSortByValue() {
        List<String> cells = new ArrayList<>(List.of("10/10", "2/2", "1 (5m ago)", "0", "12 (3h ago)", "10.0.0.9", "10.0.0.10"));
        cells.sort(CellOrder::compare);
        assertThat(cells).containsExactly("0", "1 (5m ago)", "2/2", "10.0.0.9", "10.0.0.10", "10/10", "12 (3h ago)");
    }

    @Test
    void durationsComeBeforeWordsSuchAsNone() {
        List<String> cells = new ArrayList<>(List.of("<none>", "3m", "<unknown>", "1s"));
        cells.sort(CellOrder::compare);
        assertThat(cells).containsExactly("1s", "3m", "<none>", "<unknown>");
    }

    @Test
    void ageSortsByCreationTimeNotByTheRoundedCell() {
        // Both print "2d", but b is younger; and "2d" would sort after "10h" as text.
        ResourceRow a = row("a", "2026-01-01T00:00:00Z", "2d");
        ResourceRow b = row("b", "2026-01-01T05:00:00Z", "2d");
        ResourceRow c = row("c", "2026-01-02T14:00:00Z", "10h");
        assertThat(sorted(AGE, a, b, c)).containsExactly("c", "b", "a");
        assertThat(sorted(TEXT, row("x", "2026-01-01T00:00:00Z", "10"), row("y", "2026-01-01T00:00:00Z", "9"))).containsExactly("y", "x");
    }

    @Test
    void theComparatorIsConsistent() {
        Comparator<String> order = CellOrder::compare;
        assertThat(order.compare("abc", "ABC")).isZero();
        assertThat(order.compare("a2", "a10")).isNegative();
        assertThat(order.compare("a10", "a2")).isPositive();
        assertThat(order.compare("007", "7")).isZero();
    }

    @Test
    void onlyDigitsWithUnitsAreDurations() {
        for (String notOne : List.of("", "5", "m", "5x", "1d2", "3 m", "-5m", "5m ", "1234567890d", "<none>")) {
            assertThat(CellOrder.seconds(notOne)).as(notOne).isEqualTo(-1);
        }
        assertThat(CellOrder.seconds("0s")).isZero();
        assertThat(CellOrder.seconds("2y10d")).isEqualTo((2 * 365 + 10) * 24 * 3600L);
    }

    /** Against the definition written as a regular expression, on every short text of the characters that matter. */
    @Test
    void durationsAreWhatTheirPatternSays() {
        java.util.regex.Pattern duration = java.util.regex.Pattern.compile("(\\d+)([ydhms])");
        String alphabet = "07ydhmsx ";
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(7); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String cell = text.toString();
            long expected = -1;
            if (cell.matches("(\\d+[ydhms])+")) {
                java.util.regex.Matcher part = duration.matcher(cell);
                expected = 0;
                while (part.find()) {
                    expected += Long.parseLong(part.group(1)) * switch (part.group(2)) {
                        case "y" -> 365L * 24 * 3600;
                        case "d" -> 24L * 3600;
                        case "h" -> 3600L;
                        case "m" -> 60L;
                        default -> 1L;
                    };
                }
            }
            assertThat(CellOrder.seconds(cell)).as("'%s'", cell).isEqualTo(expected);
        }
    }

    @Test
    void numbersOfAnyLengthCompareByValue() {
        assertThat(CellOrder.natural("pod-0009", "pod-10")).isNegative();
        assertThat(CellOrder.natural("x000", "x0")).isZero();
        assertThat(CellOrder.natural("123456789012345678901234567890", "99999999999999999999")).isPositive();
        assertThat(CellOrder.natural("a12b", "a12c")).isNegative();
    }
}

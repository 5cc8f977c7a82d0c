package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact map of table rows behaves as the LinkedHashMap it replaces, read-only. */
class ArrayMapTest {
    private final Map<String, Object> map = ArrayMap.of(new Object[] {"name", "web-1", "labels", Map.of("app", "web"), "deletionTimestamp", null});

    @Test
    void looksUpEachKeyAndKeepsTheOrderTheyCameIn() {
        assertThat(map).hasSize(3);
        assertThat(map.get("name")).isEqualTo("web-1");
        assertThat(map.get("labels")).isEqualTo(Map.of("app", "web"));
        assertThat(map.get("missing")).isNull();
        assertThat(new ArrayList<>(map.keySet())).containsExactly("name", "labels", "deletionTimestamp");
        assertThat(new ArrayList<>(map.values())).containsExactly("web-1", Map.of("app", "web"), null);
    }

    @Test
    void aFewEntriesAreHeldCompactlyAndManyInAnOrderedHashMap() {
        Object[] many = new Object[2 * (ArrayMap.MOST_ENTRIES + 1)];
        for (int i = 0; i < many.length; i += 2) {
            many[i] = "key" + i;
            many[i + 1] = i;
        }

        assertThat(ArrayMap.isCompact(map)).isTrue();
        Map<String, Object> large = ArrayMap.of(many);
        assertThat(ArrayMap.isCompact(large)).isFalse();
        assertThat(large).hasSize(ArrayMap.MOST_ENTRIES + 1).containsEntry("key4", 4);
        assertThat(large.keySet()).startsWith("key0", "key2", "key4");
    }

    @Test
    void aNullValueIsAKeyWithNothingInIt() {
        assertThat(map.containsKey("deletionTimestamp")).isTrue();
        assertThat(map.get("deletionTimestamp")).isNull();
        assertThat(map.containsKey("missing")).isFalse();
    }

    @Test
    void equalsTheLinkedHashMapOfTheSameEntries() {
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("name", "web-1");
        same.put("labels", Map.of("app", "web"));
        same.put("deletionTimestamp", null);

        assertThat(map).isEqualTo(same);
        assertThat(same).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(same.hashCode());
        assertThat(map).hasToString(same.toString());
    }

    @Test
    void cannotBeChanged() {
        assertThatThrownBy(() -> map.put("name", "other")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("other")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map.get("name")).isEqualTo("web-1");
    }
}

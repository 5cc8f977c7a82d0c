package dev.wheelhouse.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.model.KubeObject;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RowFilterTest {
    private static ResourceRow row(String name, Map<String, Object> labels) {
        return new ResourceRow(new KubeObject(Map.of("metadata", Map.of("name", name, "uid", name, "labels", labels))),
                List.of(), Health.NEUTRAL);
    }

    private final ResourceRow web = row("web-7d9f", Map.of("app", "web", "tier", "front"));
    private final ResourceRow db = row("db-0", Map.of("app", "db"));

    @Test
    void wordsMatchAnyPartOfTheNameInAnyCase() {
        Predicate<ResourceRow> filter = RowFilter.parse("WEB");
        assertThat(filter.test(web)).isTrue();
        assertThat(filter.test(db)).isFalse();
    }

    @Test
    void labelTermsSelectLikeKubectl() {
        assertThat(RowFilter.parse("app=web").test(web)).isTrue();
        assertThat(RowFilter.parse("app==db").test(db)).isTrue();
        assertThat(RowFilter.parse("app!=web").test(web)).isFalse();
        assertThat(RowFilter.parse("app=web,tier=front").test(web)).isTrue();
        assertThat(RowFilter.parse("app=web tier=back").test(web)).isFalse();
        assertThat(RowFilter.parse("app=").test(web)).isFalse();
    }

    @Test
    void anEmptyFilterKeepsEverything() {
        assertThat(RowFilter.parse("  ").test(db)).isTrue();
        assertThat(RowFilter.parse(null).test(db)).isTrue();
    }
}

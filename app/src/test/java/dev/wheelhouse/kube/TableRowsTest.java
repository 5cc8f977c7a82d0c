package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.model.ResourceType;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Table page read as it streams: the same fields a JSON tree gives, kept compact, with the texts rows repeat
 * shared, and managedFields and the last-applied annotation left out.
 */
class TableRowsTest {
    private static final String COLUMNS = """
            [{"name": "Name", "type": "string", "format": "name", "description": "the name"},
             {"name": "Status", "type": "string", "format": "", "priority": 0},
             {"name": "Node", "type": "string", "format": "", "priority": 1}]""";

    private final TableRows decoding = new TableRows(new ResourceType("", "v1", "pods", "Pod", true));

    @Test
    void aPageGivesEachRowItsCellsAndMetadataAsTheListedKind() throws IOException {
        ListPage page = decoding.readPage(new StringReader(page(row("web-1", "u1"), row("web-2", "u2"))));

        assertThat(page.columns()).hasValueSatisfying(columns -> assertThat(columns).extracting(PrintedColumn::name)
                .containsExactly("Name", "Status", "Node"));
        assertThat(page.columns().get().get(2).priority()).isEqualTo(1);
        assertThat(page.resourceVersion()).isEqualTo("9");
        assertThat(page.continueToken()).isEqualTo("next");
        assertThat(page.remainingItemCount()).isEqualTo(5000);
        KubeObject first = page.items().get(0);
        JsonObject expected = JsonParser.parseString(row("web-1", "u1")).getAsJsonObject().getAsJsonObject("object");
        expected.addProperty("kind", "Pod");
        expected.addProperty("apiVersion", "v1");
        expected.getAsJsonObject("metadata").remove("managedFields");
        expected.getAsJsonObject("metadata").getAsJsonObject("annotations").remove(JsonMaps.LAST_APPLIED);
        assertThat(first.fields()).isEqualTo(JsonMaps.toObject(expected).fields());
        assertThat(first.kind()).isEqualTo("Pod");
        assertThat(first.annotations()).containsOnlyKeys("team");
        assertThat(first.cell("Name")).isEqualTo("web-1");
        assertThat(first.cell("Status")).isEqualTo("Running");
        assertThat(first.cell("Node")).isEqualTo("3");
        assertThat(first.path("metadata.generation")).contains(1L);
        assertThat(first.path("metadata.deletionGracePeriodSeconds")).isEmpty();
        assertThat(first.map("metadata")).containsKey("deletionGracePeriodSeconds");
    }

    @Test
    void rowsAreCompactAndShareTheTextsTheyRepeat() throws IOException {
        List<KubeObject> rows = decoding.readPage(new StringReader(page(row("web-1", "u1"), row("web-2", "u2")))).items();

        KubeObject first = rows.get(0);
        KubeObject second = rows.get(1);
        assertThat(ArrayMap.isCompact(first.fields())).isTrue();
        assertThat(ArrayMap.isCompact(first.map("metadata"))).isTrue();
        assertThat(ArrayMap.isCompact(first.labels())).isTrue();
        assertThat(second.namespace()).isSameAs(first.namespace());
        assertThat(second.cell("Status")).isSameAs(first.cell("Status"));
        assertThat(second.labels().get("app")).isSameAs(first.labels().get("app"));
        assertThat(second.map("metadata").keySet().iterator().next()).isSameAs(first.map("metadata").keySet().iterator().next());
        assertThat(second.name()).isEqualTo("web-2");
    }

    @Test
    void aWatchEventsRowReadsAsTheSameRowOfAPage() throws IOException {
        KubeObject listed = decoding.readPage(new StringReader(page(row("web-1", "u1")))).items().get(0);

        KubeObject watched = decoding.eventItem(JsonParser.parseString(page(row("web-1", "u1"))).getAsJsonObject());

        assertThat(watched.fields()).isEqualTo(listed.fields());
        assertThat(watched.cells()).isEqualTo(listed.cells());
    }

    @Test
    void quickRowsStandInWithANameANamespaceAndAMadeUpUid() throws IOException {
        decoding.readPage(new StringReader(page(row("web-1", "u1"))));
        String table = """
                {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": "9"},
                 "rows": [{"cells": ["web-7", "Pending", "<none>"]}]}""";

        List<KubeObject> rows = decoding.quickRows(new StringReader(table), "shop");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("web-7");
            assertThat(row.namespace()).isEqualTo("shop");
            assertThat(row.isStandIn()).isTrue();
            assertThat(row.kind()).isEqualTo("Pod");
            assertThat(row.cell("Status")).isEqualTo("Pending");
        });
    }

    @Test
    void aPageWithNullRowsOrNoColumnsReadsAsEmpty() throws IOException {
        ListPage page = decoding.readPage(new StringReader("""
                {"kind": "Table", "metadata": {"resourceVersion": "3"}, "columnDefinitions": null, "rows": null}"""));

        assertThat(page.items()).isEmpty();
        assertThat(page.columns()).isEmpty();
        assertThat(page.continueToken()).isEmpty();
        assertThat(page.remainingItemCount()).isEqualTo(-1);
    }

    private static String page(String... rows) {
        return """
                {"kind": "Table", "apiVersion": "meta.k8s.io/v1",
                 "metadata": {"resourceVersion": "9", "continue": "next", "remainingItemCount": 5000},
                 "columnDefinitions": %s,
                 "rows": [%s]}""".formatted(COLUMNS, String.join(",", rows));
    }

    private static String row(String name, String uid) {
        return """
                {"cells": ["%s", "Running", 3], "object": {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                 "metadata": {"name": "%s", "namespace": "shop", "uid": "%s", "resourceVersion": "7", "generation": 1,
                              "labels": {"app": "web"}, "deletionGracePeriodSeconds": null,
                              "annotations": {"team": "web", "kubectl.kubernetes.io/last-applied-configuration": "{}"},
                              "managedFields": [{"manager": "kubectl", "fieldsV1": {"f:metadata": {}}}],
                              "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-5d", "controller": true}]}}}
                """.formatted(name, name, uid);
    }
}

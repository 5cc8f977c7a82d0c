package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wheelhouse.kinds.CustomKinds;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** JSON from the API server converted without losing numbers or nulls, and trimmed for caches. */
class JsonMapsTest {
    private static JsonObject fixture(String name) throws IOException {
        try (InputStream in = JsonMapsTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    @Test
    void int64MaxSurvivesExactly() throws IOException {
        // A custom resource whose int64 field holds 2^63-1, as the sandbox's API server returned it.
        KubeObject widget = JsonMaps.toObject(fixture("custom-resource-int64"));

        assertThat(widget.path("spec.size")).contains(Long.MAX_VALUE);
        assertThat(widget.number("spec.size", 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(widget.string("spec.size")).isEqualTo("9223372036854775807");
        assertThat(widget.path("spec.ratio")).contains(0.1);
        assertThat(widget.string("spec.ratio")).isEqualTo("0.1");
    }

    @Test
    void wholeNumbersStayWholeAllTheWayToYaml() throws IOException {
        KubeObject deployment = JsonMaps.toObject(fixture("deployment"));

        assertThat(deployment.path("spec.replicas")).containsInstanceOf(Long.class);
        assertThat(new Yaml().dump(deployment.map("spec"))).contains("replicas: 2\n").doesNotContain("2.0");
    }

    @Test
    void numbersBeyondLongAndDoubleKeepTheirValue() {
        KubeObject object = JsonMaps.toObject(JsonParser.parseString(
                "{\"big\": 18446744073709551616, \"precise\": 0.1000000000000000000001, \"negative\": -42, \"exponent\": 1e3}")
                .getAsJsonObject());

        assertThat(object.path("big")).contains(new BigInteger("18446744073709551616"));
        assertThat(object.number("big", -1)).as("beyond long: the fallback, not a wrapped value").isEqualTo(-1);
        assertThat(object.path("precise")).contains(new BigDecimal("0.1000000000000000000001"));
        assertThat(object.string("precise")).isEqualTo("0.1000000000000000000001");
        assertThat(object.path("negative")).contains(-42L);
        assertThat(object.path("exponent")).contains(1000.0);
        assertThat(object.string("exponent")).isEqualTo("1000");
        assertThat(object.number("exponent", 0)).isEqualTo(1000);
    }

    @Test
    void jsonNullsAreKeptAsNullValues() throws IOException {
        KubeObject pod = JsonMaps.toObject(fixture("pod"));
        @SuppressWarnings("unchecked")
        Map<String, Object> condition = (Map<String, Object>) pod.list("status.conditions").get(0);

        assertThat(condition).containsEntry("lastProbeTime", null);
        assertThat(pod.path("status.conditions")).isPresent();
        KubeObject event = JsonMaps.toObject(fixture("event"));
        assertThat(event.path("firstTimestamp")).as("a null reads as absent").isEmpty();
        assertThat(event.string("firstTimestamp")).isEmpty();
    }

    @Test
    void trimmedDropsLastAppliedAndCrdSchemasButKeepsWhatCustomKindsNeed() throws IOException {
        JsonObject raw = fixture("customresourcedefinition");
        KindDescriptor before = CustomKinds.fromDefinition(JsonMaps.toObject(raw.deepCopy())).orElseThrow();

        KubeObject crd = JsonMaps.toObject(JsonMaps.trimmed(raw));

        assertThat(crd.annotations()).doesNotContainKey(JsonMaps.LAST_APPLIED);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = (List<Map<String, Object>>) (List<?>) crd.list("spec.versions");
        assertThat(versions).hasSize(2).allSatisfy(v -> assertThat(v).doesNotContainKey("schema").containsKeys("name", "served", "storage"));
        assertThat(versions.get(1)).containsKey("additionalPrinterColumns");
        assertThat(crd.map("spec.names")).containsEntry("kind", "Widget").containsEntry("plural", "widgets");
        assertThat(crd.string("spec.scope")).isEqualTo("Namespaced");
        KindDescriptor after = CustomKinds.fromDefinition(crd).orElseThrow();
        assertThat(after.type()).isEqualTo(before.type());
        assertThat(after.type().version()).isEqualTo("v1");
    }

    @Test
    void trimmedKeepsSchemaFieldsOfOtherKindsAndOtherAnnotations() {
        JsonObject json = JsonParser.parseString("""
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "c", "managedFields": [{"manager": "kubectl"}],
                              "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{}", "team": "web"}},
                 "spec": {"versions": [{"name": "v1", "schema": {"type": "object"}}]}}
                """).getAsJsonObject();

        KubeObject object = JsonMaps.toObject(JsonMaps.trimmed(json));

        assertThat(object.annotations()).containsOnlyKeys("team");
        assertThat(object.map("metadata")).doesNotContainKey("managedFields");
        assertThat(object.list("spec.versions")).singleElement().satisfies(v -> assertThat(((Map<?, ?>) v).containsKey("schema")).isTrue());
    }
}

package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TrimmedJsonTest {

    @Test
    void managedFieldsUnderAnyMetadataAreSkippedAndNothingElse() throws Exception {
        JsonObject page = TrimmedJson.readObject(new StringReader("""
                {"metadata": {"continue": "c", "managedFields": [{"manager": "x"}]},
                 "rows": [{"cells": ["a", 1], "object": {"metadata": {"name": "a",
                     "managedFields": [{"manager": "kubelet", "fieldsV1": {"f:status": {}}}],
                     "annotations": {"managedFields": "kept: an annotation"}}},
                   "spec": {"managedFields": "kept: not metadata"}}]}
                """));

        JsonObject row = page.getAsJsonArray("rows").get(0).getAsJsonObject();
        JsonObject metadata = row.getAsJsonObject("object").getAsJsonObject("metadata");
        assertThat(page.getAsJsonObject("metadata").has("managedFields")).isFalse();
        assertThat(page.getAsJsonObject("metadata").get("continue").getAsString()).isEqualTo("c");
        assertThat(metadata.has("managedFields")).isFalse();
        assertThat(metadata.get("name").getAsString()).isEqualTo("a");
        assertThat(metadata.getAsJsonObject("annotations").get("managedFields").getAsString()).isEqualTo("kept: an annotation");
        assertThat(row.getAsJsonObject("spec").get("managedFields").getAsString()).isEqualTo("kept: not metadata");
    }

    @Test
    void valuesKeepTheirTypesAndNumbersTheirExactValue() throws Exception {
        JsonObject read = TrimmedJson.readObject(new StringReader("""
                {"v": {"big": 9223372036854775807, "beyond": 123456789012345678901234567890, "half": 0.5,
                 "yes": true, "none": null, "list": ["x", 2]}}
                """));

        assertThat(JsonMaps.toObject(read).map("v")).containsEntry("big", Long.MAX_VALUE)
                .containsEntry("beyond", new java.math.BigInteger("123456789012345678901234567890"))
                .containsEntry("half", 0.5).containsEntry("yes", true).containsEntry("none", null)
                .containsEntry("list", java.util.List.of("x", 2L));
    }
}

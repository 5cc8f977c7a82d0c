package dev.wheelhouse.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.DaemonSets;
import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.Events;
import dev.wheelhouse.kinds.builtin.HorizontalPodAutoscalers;
import dev.wheelhouse.kinds.builtin.Jobs;
import dev.wheelhouse.kinds.builtin.Nodes;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.kinds.builtin.ReplicaSets;
import dev.wheelhouse.kinds.builtin.StatefulSets;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedCells;
import dev.wheelhouse.model.PrintedColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the app adds on top of the server's printing: each kind's health, read from the cells the server
 * printed (as {@code kubectl get} shows them), and the replica count the Scale dialog starts from.
 */
class HealthFromCellsTest {

    /** A table row with these printed cells, given as column, cell, column, cell... */
    private static KubeObject row(String... columnsAndCells) {
        List<PrintedColumn> columns = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        columns.add(new PrintedColumn("Name", "string", "name", 0, ""));
        cells.add("x");
        for (int i = 0; i < columnsAndCells.length; i += 2) {
            columns.add(new PrintedColumn(columnsAndCells[i], "string", "", 0, ""));
            cells.add(columnsAndCells[i + 1]);
        }
        return new KubeObject(Map.of("metadata", Map.of("name", "x", "uid", "u")), new PrintedCells(columns, cells));
    }

    private static Health health(KindDescriptor kind, String... columnsAndCells) {
        return kind.health().apply(row(columnsAndCells));
    }

    @Test
    void podsByStatusAndReadyContainers() {
        assertThat(health(Pods.DESCRIPTOR, "Ready", "1/1", "Status", "Running")).isEqualTo(Health.GOOD);
        assertThat(health(Pods.DESCRIPTOR, "Ready", "1/2", "Status", "Running")).isEqualTo(Health.PROGRESSING);
        assertThat(health(Pods.DESCRIPTOR, "Ready", "0/1", "Status", "CrashLoopBackOff")).isEqualTo(Health.BAD);
        assertThat(health(Pods.DESCRIPTOR, "Ready", "0/1", "Status", "Completed")).isEqualTo(Health.NEUTRAL);
        assertThat(health(Pods.DESCRIPTOR, "Ready", "0/1", "Status", "Init:0/2")).isEqualTo(Health.PROGRESSING);
        assertThat(health(Pods.DESCRIPTOR, "Ready", "0/1", "Status", "Init:CrashLoopBackOff")).isEqualTo(Health.BAD);
        assertThat(health(Pods.DESCRIPTOR, "Ready", "0/1", "Status", "ErrImagePull")).isEqualTo(Health.BAD);
        assertThat(health(Pods.DESCRIPTOR, "Ready", "1/1", "Status", "Terminating")).isEqualTo(Health.PROGRESSING);
    }

    @Test
    void replicatedKindsByReadyOrAvailableAgainstWanted() {
        assertThat(health(Deployments.DESCRIPTOR, "Ready", "2/2", "Up-to-date", "2", "Available", "2")).isEqualTo(Health.GOOD);
        assertThat(health(Deployments.DESCRIPTOR, "Ready", "1/3", "Up-to-date", "3", "Available", "1")).isEqualTo(Health.PROGRESSING);
        assertThat(health(Deployments.DESCRIPTOR, "Ready", "0/2", "Up-to-date", "2", "Available", "0")).isEqualTo(Health.BAD);
        assertThat(health(Deployments.DESCRIPTOR, "Ready", "0/0", "Up-to-date", "0", "Available", "0")).isEqualTo(Health.GOOD);
        // Ten is more than nine: counts are numbers, not text.
        assertThat(health(StatefulSets.DESCRIPTOR, "Ready", "9/10")).isEqualTo(Health.PROGRESSING);
        assertThat(health(StatefulSets.DESCRIPTOR, "Ready", "10/10")).isEqualTo(Health.GOOD);
        assertThat(health(ReplicaSets.DESCRIPTOR, "Desired", "0", "Current", "0", "Ready", "0")).isEqualTo(Health.NEUTRAL);
        assertThat(health(ReplicaSets.DESCRIPTOR, "Desired", "2", "Current", "2", "Ready", "0")).isEqualTo(Health.BAD);
        assertThat(health(DaemonSets.DESCRIPTOR, "Desired", "3", "Current", "3", "Ready", "2")).isEqualTo(Health.PROGRESSING);
    }

    @Test
    void statusWordsOfOtherKinds() {
        assertThat(health(Nodes.DESCRIPTOR, "Status", "Ready")).isEqualTo(Health.GOOD);
        assertThat(health(Nodes.DESCRIPTOR, "Status", "Ready,SchedulingDisabled")).isEqualTo(Health.PROGRESSING);
        assertThat(health(Nodes.DESCRIPTOR, "Status", "NotReady")).isEqualTo(Health.BAD);
        assertThat(health(Jobs.DESCRIPTOR, "Status", "Failed")).isEqualTo(Health.BAD);
        assertThat(health(Jobs.DESCRIPTOR, "Status", "Complete")).isEqualTo(Health.NEUTRAL);
        assertThat(health(Jobs.DESCRIPTOR, "Status", "Running")).isEqualTo(Health.PROGRESSING);
        assertThat(health(Events.DESCRIPTOR, "Type", "Warning")).isEqualTo(Health.BAD);
        assertThat(health(Events.DESCRIPTOR, "Type", "Normal")).isEqualTo(Health.NEUTRAL);
        assertThat(health(HorizontalPodAutoscalers.DESCRIPTOR, "Targets", "cpu: <unknown>/70%")).isEqualTo(Health.PROGRESSING);
        assertThat(health(HorizontalPodAutoscalers.DESCRIPTOR, "Targets", "cpu: 40%/70%")).isEqualTo(Health.GOOD);
    }

    @Test
    void rowsSayWhatTheActionsNeed() {
        assertThat(Nodes.cordoned(row("Status", "Ready,SchedulingDisabled"))).isTrue();
        assertThat(Nodes.cordoned(row("Status", "Ready"))).isFalse();
        assertThat(Cells.wantedReplicas(row("Ready", "1/3"))).isEqualTo(3);
        assertThat(Cells.wantedReplicas(row("Desired", "4", "Ready", "2"))).isEqualTo(4);
        assertThat(Cells.wantedReplicas(new KubeObject(Map.of("spec", Map.of("replicas", 5L))))).isEqualTo(5);
    }
}

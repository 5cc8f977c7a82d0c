package dev.wheelhouse.service.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The labs shipped in ui-resources all load, and each keeps to its own namespaces. */
class LabLoaderTest {
    private static final Path SOURCES = Path.of("..", "ui-resources", "src", "main", "resources", "dev", "wheelhouse", "labs");

    @Test
    void everyLabFileIsInTheIndexAndParses() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(SOURCES)) {
            files = listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        List<Lab> labs = LabLoader.builtIn();
        assertThat(labs).hasSize(files.size()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(labs.stream().map(Lab::id).distinct()).hasSize(labs.size());
    }

    @Test
    void everyStepHasKubectlCommandsAndChecksInsideTheLabsNamespaces() {
        Pattern namespaceFlag = Pattern.compile("(?:-n |--namespace[ =]|create namespace )(\\S+)");
        for (Lab lab : LabLoader.builtIn()) {
            assertThat(lab.namespaces()).as(lab.id()).doesNotContain("dev", "prod", "default", "kube-system");
            for (LabStep step : lab.steps()) {
                assertThat(step.commands()).as(lab.id()).isNotEmpty().allMatch(c -> c.startsWith("kubectl "));
                assertThat(step.checks()).as(lab.id()).isNotEmpty();
                for (String command : step.commands()) {
                    Matcher m = namespaceFlag.matcher(command);
                    if (m.find()) {
                        assertThat(lab.namespaces()).as("%s: %s", lab.id(), command).contains(m.group(1));
                    } else {
                        // Without a namespace, only a read: a change would land in the context's own namespace.
                        assertThat(command).as("%s: %s says where it works", lab.id(), command).startsWith("kubectl get ");
                    }
                }
            }
        }
    }

    @Test
    void theNamespacesCanBeRenamedEverywhere() {
        Lab lab = LabLoader.builtIn().get(0).inNamespaces(ns -> ns + "-t1");
        assertThat(lab.namespaces()).containsExactly("lab-dev-t1", "lab-prod-t1");
        assertThat(lab.steps().get(2).commands().get(0)).isEqualTo("kubectl -n lab-dev-t1 create deployment hello --image=wheelhouse/frontend:1.0");
        assertThat(lab.steps().get(0).checks().get(0).describe()).isEqualTo("Namespace lab-dev-t1 exists");
        assertThat(lab.steps().get(2).checks().get(0).namespace()).isEqualTo("lab-dev-t1");
    }

    @Test
    void mistakesNameTheFileAndStep() {
        assertThatThrownBy(() -> LabLoader.parse("x.yaml", """
                id: x
                title: X
                intro: X
                namespaces: [lab-x]
                steps:
                  - text: T
                    hint: H
                    commands: [kubectl create namespace lab-x]
                    checks: [{exists: Gadget, name: g, namespace: lab-x}]
                """)).hasMessage("x.yaml, step 1: unknown kind Gadget");
        assertThatThrownBy(() -> LabLoader.parse("y.yaml", """
                id: y
                title: Y
                intro: Y
                namespaces: [lab-y]
                steps:
                  - text: T
                    hint: H
                    commands: [kubectl -n dev scale deployment backend-deployment --replicas=3]
                    checks: [{readyReplicas: 3, deployment: backend-deployment, namespace: dev}]
                """)).hasMessageContaining("y.yaml, step 1: Deployment backend-deployment has 3 ready replicas is outside the lab's namespaces");
        assertThatThrownBy(() -> LabLoader.parse("z.yaml", """
                id: z
                title: Z
                intro: Z
                namespaces: [lab-z]
                steps:
                  - text: T
                    hint: H
                    checks: [{exists: Namespace, name: lab-z}]
                """)).hasMessageContaining("z.yaml, step 1: every step needs at least one command and one check");
    }
}

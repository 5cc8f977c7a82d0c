package dev.wheelhouse.ui.app;

import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import dev.wheelhouse.testing.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Two contexts on the sandbox that may not do everything: rejected credentials, and a ServiceAccount RBAC restricts. */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AccessProblemsWindowTest {
    private static final String NS = "rbac-test";
    private static Path kubeconfig;
    private MainViewModel model;

    @BeforeAll
    static void restrictedServiceAccount() throws Exception {
        Sandbox.kubectlResult("create", "namespace", NS);
        String token = Sandbox.serviceAccountAllowedTo(NS, "viewer", "", "pods", "get", "list", "watch");
        kubectl("-n", NS, "create", "deployment", "visible-pods", "--image=wheelhouse/x:1");
        String server = kubectl("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
        kubeconfig = Files.createTempFile("wheelhouse-access", ".yaml");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: restricted
                clusters:
                - name: sandbox
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: restricted
                  context: {cluster: sandbox, user: viewer, namespace: %s}
                - name: bad-credentials
                  context: {cluster: sandbox, user: impostor}
                users:
                - name: viewer
                  user: {token: "%s"}
                - name: impostor
                  user: {token: "not-a-valid-token"}
                """.formatted(server, NS, token));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Sandbox.kubectlResult("delete", "namespace", NS, "--wait=false");
        Files.deleteIfExists(kubeconfig);
    }

    @Start
    void start(Stage stage) {
        model = new MainViewModel(new ClusterService(List.of(kubeconfig)), BackgroundTasks.forJavaFx());
        stage.setScene(WheelhouseApp.createScene(model));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void rejectedCredentialsSayWhyAndOfferRetry(FxRobot robot) throws Exception {
        robot.interact(() -> model.start("bad-credentials"));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#retry").tryQuery().isPresent());

        assertThat(robot.lookup(".problem-title").queryAs(Label.class).getText()).isEqualTo("Credentials not accepted");
        assertThat(robot.lookup("#problem-message").queryAs(Label.class).getText()).contains("401 Unauthorized");
    }

    @Test
    void aRestrictedServiceAccountSeesWhatItMayAndNoAccessElsewhere(FxRobot robot) throws Exception {
        robot.interact(() -> model.start(null));

        // Listing namespaces is forbidden: the tree says so and still offers the context's namespace.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.cluster().namespacesProblemProperty().get() != null);
        assertThat(model.cluster().namespacesProblemProperty().get().message()).startsWith("No access");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.cluster().namespaces().contains(NS));

        // The window opens the context's namespace on its own first; then the test chooses.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.table().kindProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        // Pods may be read...
        robot.interact(() -> model.showKind(NS, Pods.DESCRIPTOR));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.table().rows().size() == 1);
        // The label follows the model in the same FX event, which may still be running when the wait sees it.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#table-summary").queryAs(Label.class).getText()).isEqualTo("1 Pod in " + NS);

        // ...Deployments may not: the table says "no access" instead of showing an empty list.
        robot.interact(() -> model.showKind(NS, Deployments.DESCRIPTOR));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.table().stateProperty().get() == ResourceTableViewModel.LoadState.PROBLEM);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#table-summary").queryAs(Label.class).getText())
                .startsWith("No access:").contains("deployments.apps is forbidden");
    }
}

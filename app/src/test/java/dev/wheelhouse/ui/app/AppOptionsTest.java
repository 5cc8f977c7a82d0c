package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppOptionsTest {
    @Test
    void readsKubectlStyleFlagsInBothForms() {
        AppOptions options = AppOptions.parse(List.of("--kubeconfig", "/k.yaml", "--context=dev", "--snapshot", "s.png"));

        assertThat(options.kubeconfig()).isEqualTo("/k.yaml");
        assertThat(options.context()).isEqualTo("dev");
        assertThat(options.snapshot()).isEqualTo(Path.of("s.png"));
        assertThat(options.probe()).isFalse();
        assertThat(options.smoke()).isFalse();
    }

    @Test
    void smokeIsItsOwnFlag() {
        AppOptions options = AppOptions.parse(List.of("--context", "dev", "--smoke"));

        assertThat(options.smoke()).isTrue();
        assertThat(options.probe()).isFalse();
        assertThat(options.exitWhenReady()).isFalse();
    }

    @Test
    void exitWhenReadyIsItsOwnFlag() {
        AppOptions options = AppOptions.parse(List.of("--exit-when-ready", "--context", "dev"));

        assertThat(options.exitWhenReady()).isTrue();
        assertThat(options.context()).isEqualTo("dev");
        assertThat(options.smoke()).isFalse();
    }

    @Test
    void readOnlyAndLearnAreFlagsOfTheirOwn() {
        AppOptions options = AppOptions.parse(List.of("--read-only", "--context", "dev"));

        assertThat(options.readOnly()).isTrue();
        assertThat(options.learn()).isFalse();
        assertThat(AppOptions.parse(List.of("--learn")).learn()).isTrue();
        assertThat(AppOptions.parse(List.of("--learn")).readOnly()).isFalse();
    }

    @Test
    void rejectsUnknownFlagsAndMissingValues() {
        assertThatThrownBy(() -> AppOptions.parse(List.of("--bogus"))).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--context"))).hasMessageContaining("--context needs a value");
    }
}

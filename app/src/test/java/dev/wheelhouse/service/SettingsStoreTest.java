package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsLoadedAgain() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("nested/settings.yaml"));
        Settings saved = Settings.EMPTY.with("theme", "dark").with("font.size", 15).with("window.maximized", true)
                .with("contexts.open", List.of("kind-a", "kind-b"));

        store.save(saved);
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("nested/settings.yaml")).load();

        assertThat(loaded.problem()).isNull();
        assertThat(loaded.settings()).isEqualTo(saved);
        assertThat(loaded.settings().string("theme", "light")).isEqualTo("dark");
        assertThat(loaded.settings().number("font.size", 13)).isEqualTo(15);
        assertThat(loaded.settings().flag("window.maximized", false)).isTrue();
        assertThat(loaded.settings().list("contexts.open")).isEqualTo(List.of("kind-a", "kind-b"));
    }

    @Test
    void savingLeavesNoTemporaryFileBehind() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.yaml"));
        store.save(Settings.EMPTY.with("theme", "light"));
        store.save(Settings.EMPTY.with("theme", "dark"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.yaml");
        }
    }

    @Test
    void aBrokenFileIsSetAsideWithItsLineAndDefaultsAreUsed() throws Exception {
        Path file = dir.resolve("settings.yaml");
        Files.writeString(file, "theme: dark\nfont.size: [unclosed\n");

        SettingsStore.Loaded loaded = new SettingsStore(file).load();

        assertThat(loaded.settings()).isEqualTo(Settings.EMPTY);
        assertThat(loaded.problem()).contains(file.toString()).contains("line ").contains("kept as");
        assertThat(Files.exists(file)).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("settings.yaml.broken-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside)).contains("[unclosed");
        }
    }

    @Test
    void aFileThatIsNotAMapIsSetAsideToo() throws Exception {
        Path file = dir.resolve("settings.yaml");
        Files.writeString(file, "- just\n- a list\n");

        assertThat(new SettingsStore(file).load().problem()).contains("does not hold a list of settings");
    }

    @Test
    void theConfigDirectoryFollowsThePlatform() {
        Path home = Path.of("/home/ada");
        assertThat(SettingsStore.configDir(Map.of(), "Linux", home)).isEqualTo(home.resolve(".config/wheelhouse"));
        assertThat(SettingsStore.configDir(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", home)).isEqualTo(Path.of("/xdg/wheelhouse"));
        assertThat(SettingsStore.configDir(Map.of(), "Mac OS X", home)).isEqualTo(home.resolve("Library/Application Support/Wheelhouse"));
        assertThat(SettingsStore.configDir(Map.of("APPDATA", "C:/Users/ada/AppData/Roaming"), "Windows 11", home))
                .isEqualTo(Path.of("C:/Users/ada/AppData/Roaming/Wheelhouse"));
        assertThat(SettingsStore.configDir(Map.of("WHEELHOUSE_CONFIG_DIR", "/tmp/wh"), "Linux", home)).isEqualTo(Path.of("/tmp/wh"));
    }
}

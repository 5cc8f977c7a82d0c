package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.FavouriteForwards.Favourite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FavouriteForwardsTest {

    @Test
    void favouritesAreKeptPerContextThroughTheSettingsFile(@TempDir Path dir) throws Exception {
        Favourite service = new Favourite(ForwardTarget.service("dev", "web", 80), 40080);
        Favourite deployment = new Favourite(ForwardTarget.workload("Deployment", "dev", "web", 8080, Map.of("app", "web")), 0);
        Settings settings = FavouriteForwards.with(Settings.EMPTY, "kind-a", service);
        settings = FavouriteForwards.with(settings, "kind-a", deployment);
        settings = FavouriteForwards.with(settings, "kind-b", service);
        SettingsStore store = new SettingsStore(dir.resolve("settings.yaml"));
        store.save(settings);

        Settings loaded = store.load().settings();
        assertThat(FavouriteForwards.of(loaded, "kind-a")).containsExactly(service, deployment);
        assertThat(FavouriteForwards.of(loaded, "kind-b")).containsExactly(service);
        assertThat(FavouriteForwards.of(loaded, "kind-c")).isEmpty();
        assertThat(Files.readString(dir.resolve("settings.yaml"))).contains("context.kind-a.forwards");
    }

    @Test
    void markingAgainUpdatesTheLocalPortAndUnmarkingRemovesIt() {
        ForwardTarget target = ForwardTarget.pod("dev", "web-1", 8080);
        Settings settings = FavouriteForwards.with(Settings.EMPTY, "ctx", new Favourite(target, 1));
        settings = FavouriteForwards.with(settings, "ctx", new Favourite(target, 2));
        assertThat(FavouriteForwards.of(settings, "ctx")).containsExactly(new Favourite(target, 2));

        settings = FavouriteForwards.without(settings, "ctx", target);
        assertThat(FavouriteForwards.of(settings, "ctx")).isEmpty();
        assertThat(settings.list(FavouriteForwards.key("ctx"))).isEmpty();
    }

    @Test
    void entriesEditedIntoSomethingElseAreSkipped() {
        Settings settings = Settings.EMPTY.with(FavouriteForwards.key("ctx"), java.util.List.of(
                Map.of("kind", "Pod", "namespace", "dev", "name", "p", "port", 70000),
                "not a map",
                Map.of("kind", "Pod", "namespace", "dev", "name", "p", "port", 8080)));
        assertThat(FavouriteForwards.of(settings, "ctx")).containsExactly(new Favourite(ForwardTarget.pod("dev", "p", 8080), 0));
    }
}

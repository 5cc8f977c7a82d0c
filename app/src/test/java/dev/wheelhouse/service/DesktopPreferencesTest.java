package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesktopPreferencesTest {
    @Test
    void gnomeColorSchemeDecidesUnlessGtkThemeIsSet() {
        assertThat(DesktopPreferences.fromGnome(Map.of(), Optional.of("'prefer-dark'"), Optional.of("'Adwaita'"))).contains(true);
        assertThat(DesktopPreferences.fromGnome(Map.of(), Optional.of("'prefer-light'"), Optional.of("'Adwaita-dark'"))).contains(false);
        assertThat(DesktopPreferences.fromGnome(Map.of(), Optional.of("'default'"), Optional.of("'Adwaita-dark'"))).contains(true);
        assertThat(DesktopPreferences.fromGnome(Map.of("GTK_THEME", "Adwaita:dark"), Optional.of("'prefer-light'"), Optional.empty())).contains(true);
        assertThat(DesktopPreferences.fromGnome(Map.of(), Optional.empty(), Optional.empty())).isEmpty();
    }
}

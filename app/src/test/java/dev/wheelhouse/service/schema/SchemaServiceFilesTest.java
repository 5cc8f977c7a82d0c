package dev.wheelhouse.service.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the OpenAPI cache lives and how its files are named, without a cluster. */
class SchemaServiceFilesTest {
    private final Path home = Path.of("/home/ada");

    @Test
    void theCacheFollowsWheelhouseCacheThenXdgThenThePlatform() {
        assertThat(SchemaService.cacheDir(Map.of("WHEELHOUSE_CACHE", "/tmp/wh", "XDG_CACHE_HOME", "/x"), "Linux", home))
                .isEqualTo(Path.of("/tmp/wh"));
        assertThat(SchemaService.cacheDir(Map.of("XDG_CACHE_HOME", "/x"), "Linux", home)).isEqualTo(Path.of("/x/wheelhouse"));
        assertThat(SchemaService.cacheDir(Map.of(), "Linux", home)).isEqualTo(home.resolve(".cache/wheelhouse"));
        assertThat(SchemaService.cacheDir(Map.of(), "Mac OS X", home)).isEqualTo(home.resolve("Library/Caches/Wheelhouse"));
    }

    @Test
    void documentsAreNamedByTheServersHashAndServersByHostAndPort() {
        assertThat(SchemaService.hashOf("/openapi/v3/apis/apps/v1?hash=0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"))
                .isEqualTo("0123456789ABCDEF0123456789ABCDEF");
        assertThat(SchemaService.hashOf("/openapi/v3/api/v1?hash=ABC&other=1")).isEqualTo("ABC");
        assertThat(SchemaService.hashOf("/openapi/v3/api/v1")).isNotBlank();
        assertThat(SchemaService.folderName("https://127.0.0.1:36443")).isEqualTo("127.0.0.1_36443");
        assertThat(SchemaService.folderName("https://rancher.example.com/k8s/clusters/c-1")).isEqualTo("rancher.example.com_k8s_clusters_c-1");
    }
}

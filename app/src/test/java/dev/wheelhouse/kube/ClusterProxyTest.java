package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The proxy choice against the rules of client-go and Go's http.ProxyFromEnvironment (golang.org/x/net/http/httpproxy). */
class ClusterProxyTest {
    private static final Map<String, String> NO_VARIABLES = Map.of();

    private static Proxy httpProxy(String host, int port) {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    private static Proxy fromEnvironment(String server, Map<String, String> environment) {
        return ClusterProxy.choose(server, "", environment).proxy();
    }

    @Test
    void theClustersProxyUrlWinsOverTheEnvironment() {
        ClusterProxy proxy = ClusterProxy.choose("https://api.example.com:6443", "http://proxy.corp:3128",
                Map.of("HTTPS_PROXY", "http://other.corp:8080"));

        assertThat(proxy.proxy()).isEqualTo(httpProxy("proxy.corp", 3128));
    }

    @Test
    void theClustersProxyUrlIsUsedAsGivenEvenForLoopbackAndNoProxy() {
        assertThat(ClusterProxy.choose("https://127.0.0.1:6443", "http://proxy.corp:3128", Map.of("NO_PROXY", "*")).proxy())
                .isEqualTo(httpProxy("proxy.corp", 3128));
    }

    @Test
    void aSocks5ProxyUrlConnectsThroughSocksWithGosDefaultPort() {
        assertThat(ClusterProxy.choose("https://api.example.com", "socks5://gateway.corp", NO_VARIABLES).proxy())
                .isEqualTo(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("gateway.corp", 1080)));
    }

    @Test
    void withoutAnyProxyTheConnectionIsDirectWhateverJavaWouldSay() {
        assertThat(fromEnvironment("https://api.example.com", NO_VARIABLES)).isEqualTo(Proxy.NO_PROXY);
        assertThat(ClusterProxy.DIRECT.proxy()).isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void theServersSchemePicksHttpsProxyOrHttpProxy() {
        Map<String, String> both = Map.of("HTTPS_PROXY", "http://secure.corp:3128", "HTTP_PROXY", "http://plain.corp:8080");

        assertThat(fromEnvironment("https://api.example.com:6443", both)).isEqualTo(httpProxy("secure.corp", 3128));
        assertThat(fromEnvironment("http://api.example.com:8080", both)).isEqualTo(httpProxy("plain.corp", 8080));
        assertThat(fromEnvironment("https://api.example.com:6443", Map.of("HTTP_PROXY", "http://plain.corp:8080")))
                .isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void upperCaseVariablesWinAndLowerCaseOnesServeWhenUpperCaseIsUnsetOrEmpty() {
        assertThat(fromEnvironment("https://api.example.com", Map.of("https_proxy", "http://lower.corp:1")))
                .isEqualTo(httpProxy("lower.corp", 1));
        assertThat(fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "", "https_proxy", "http://lower.corp:1")))
                .isEqualTo(httpProxy("lower.corp", 1));
        assertThat(fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "http://upper.corp:2", "https_proxy", "http://lower.corp:1")))
                .isEqualTo(httpProxy("upper.corp", 2));
        assertThat(fromEnvironment("http://api.example.com", Map.of("http_proxy", "http://lower.corp:3")))
                .isEqualTo(httpProxy("lower.corp", 3));
        assertThat(fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "http://p.corp:1", "no_proxy", "example.com")))
                .isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void aVariableWithoutSchemeIsAnHttpProxyAndAPortDefaultsByScheme() {
        assertThat(fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "proxy.corp:3128")))
                .isEqualTo(httpProxy("proxy.corp", 3128));
        assertThat(fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "10.0.0.1:3128")))
                .isEqualTo(httpProxy("10.0.0.1", 3128));
        assertThat(fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "http://proxy.corp")))
                .isEqualTo(httpProxy("proxy.corp", 80));
        assertThat(fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "http://my_proxy:3128")))
                .as("a host name Java's URI refuses and Go accepts").isEqualTo(httpProxy("my_proxy", 3128));
    }

    @ParameterizedTest(name = "{0} is not proxied")
    @ValueSource(strings = {"https://localhost:6443", "https://127.0.0.1:6443", "https://127.5.6.7", "https://[::1]:6443",
            "http://localhost"})
    void localhostAndLoopbackAddressesAreNeverProxiedByTheVariables(String server) {
        assertThat(fromEnvironment(server, Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "http://proxy.corp:3128")))
                .isEqualTo(Proxy.NO_PROXY);
    }

    @ParameterizedTest(name = "NO_PROXY={0}, server {1}: proxied {2}")
    @CsvSource(delimiter = '|', value = {
            "*                       | https://api.example.com:6443 | false",
            "other.org,*             | https://10.1.2.3             | false",
            "example.com             | https://example.com          | false",
            "example.com             | https://api.example.com      | false",
            "example.com             | https://notexample.com       | true",
            ".example.com            | https://api.example.com      | false",
            ".example.com            | https://example.com          | true",
            "*.example.com           | https://api.example.com      | false",
            "*.example.com           | https://example.com          | true",
            "' API.Example.COM , x'  | https://api.example.com      | false",
            "api.example.com:6443    | https://api.example.com:6443 | false",
            "api.example.com:6443    | https://api.example.com      | true",
            "api.example.com:443     | https://api.example.com      | false",
            "10.1.2.3                | https://10.1.2.3:6443        | false",
            "10.1.2.3                | https://10.1.2.4:6443        | true",
            "10.1.2.3:6443           | https://10.1.2.3:6443        | false",
            "10.1.2.3:6443           | https://10.1.2.3:443         | true",
            "10.0.0.0/8              | https://10.200.0.1:6443      | false",
            "10.0.0.0/8              | https://11.0.0.1:6443        | true",
            "10.0.0.0/8              | https://api.example.com      | true",
            "192.168.4.0/23          | https://192.168.5.9          | false",
            "192.168.4.0/23          | https://192.168.6.1          | true",
            "fd00::/8                | https://[fd00::1]:6443       | false",
            "fd00::/8                | https://[fe80::1]:6443       | true",
            "fd00::1                 | https://[fd00::1]:6443       | false",
            "[fd00::1]:6443          | https://[fd00::1]:6443       | false",
            "[fd00::1]:6443          | https://[fd00::1]            | true",
            "''                      | https://api.example.com      | true",
    })
    void noProxyExemptsHostsAsGoDoes(String noProxy, String server, boolean proxied) {
        Proxy proxy = fromEnvironment(server, Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", noProxy));

        assertThat(proxy).isEqualTo(proxied ? httpProxy("proxy.corp", 3128) : Proxy.NO_PROXY);
    }

    @Test
    void credentialsInTheProxyUrlBecomeBasicProxyAuthorization() {
        assertThat(ClusterProxy.choose("https://api.example.com", "http://jane:p%40ss:word@proxy.corp:3128", NO_VARIABLES)
                .authorization()).isEqualTo(basic("jane:p@ss:word"));
        assertThat(fromEnvironmentAuthorization("http://jane@proxy.corp:3128")).isEqualTo(basic("jane:"));
        assertThat(fromEnvironmentAuthorization("http://a+b:c+d@proxy.corp:3128")).isEqualTo(basic("a+b:c+d"));
        assertThat(fromEnvironmentAuthorization("http://proxy.corp:3128")).isEmpty();
    }

    private static String fromEnvironmentAuthorization(String httpsProxy) {
        return ClusterProxy.choose("https://api.example.com", "", Map.of("HTTPS_PROXY", httpsProxy)).authorization();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aProxyUrlWithAnotherSchemeIsRefusedInKubectlsWords() {
        assertThatThrownBy(() -> ClusterProxy.choose("https://api.example.com", "ftp://proxy.corp", NO_VARIABLES))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("proxy-url \"ftp://proxy.corp\" has unsupported scheme \"ftp\", must be http, https, or socks5");
        assertThatThrownBy(() -> ClusterProxy.choose("https://api.example.com", "proxy.corp:3128", NO_VARIABLES))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("unsupported scheme \"proxy.corp\"");
    }

    @Test
    void aProxyOverTlsIsRefusedRatherThanBypassed() {
        assertThatThrownBy(() -> ClusterProxy.choose("https://api.example.com", "https://jane:secret@proxy.corp", NO_VARIABLES))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("proxy-url \"https://jane:xxxxx@proxy.corp\" is a proxy reached over TLS (https)")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> fromEnvironment("https://api.example.com", Map.of("https_proxy", "https://proxy.corp")))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("https_proxy \"https://proxy.corp\" is a proxy reached over TLS");
    }

    @Test
    void aSocksProxyWithAPasswordIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "socks5://jane:secret@gw.corp")))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("HTTPS_PROXY \"socks5://jane:xxxxx@gw.corp\" has a user name and password, which Wheelhouse "
                        + "cannot send to a SOCKS proxy (kubectl can)");
        assertThatThrownBy(() -> ClusterProxy.choose("https://api.example.com", "user:secret@proxy.corp:3128", NO_VARIABLES))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void aProxyThatWouldNotBeUsedIsNotRefused() {
        assertThat(fromEnvironment("https://api.example.com", Map.of("HTTPS_PROXY", "https://proxy.corp", "NO_PROXY", "example.com")))
                .isEqualTo(Proxy.NO_PROXY);
        assertThat(fromEnvironment("http://api.example.com", Map.of("HTTPS_PROXY", "https://proxy.corp"))).isEqualTo(Proxy.NO_PROXY);
    }
}

package dev.wheelhouse.kube;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * The proxy through which kubectl (client-go) reaches one API server. A cluster's {@code proxy-url} is used for
 * every request, as given. Without one, Go's {@code http.ProxyFromEnvironment} decides: {@code HTTPS_PROXY} for an
 * https server, {@code HTTP_PROXY} for an http one (each upper case first, then lower case; a value without a scheme
 * is an http proxy), except for {@code localhost}, loopback addresses and the hosts {@code NO_PROXY} names.
 * Otherwise the connection is direct, whatever Java's own proxy settings say: kubectl does not read them.
 * <p>
 * OkHttp tunnels through an http proxy (sending the URL's credentials as Basic) and connects through a SOCKS proxy
 * without credentials. A proxy it cannot use (TLS to the proxy, SOCKS with a password) is refused, never bypassed.
 */
final class ClusterProxy {
    static final ClusterProxy DIRECT = new ClusterProxy(Proxy.NO_PROXY, "");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "socks5", 1080);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Only such text is given to InetAddress, which would otherwise ask DNS about it. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f]*:[0-9a-f:.]*", Pattern.CASE_INSENSITIVE);

    private final Proxy proxy;
    private final String authorization;

    private ClusterProxy(Proxy proxy, String authorization) {
        this.proxy = proxy;
        this.authorization = authorization;
    }

    /**
     * The proxy for requests to {@code server}: {@code proxyUrl} unless it is "", else what {@code environment}
     * (the process's variables) says.
     *
     * @throws KubeconfigException if the proxy to use is one Wheelhouse cannot use; the message names its source
     */
    static ClusterProxy choose(String server, String proxyUrl, Map<String, String> environment) {
        if (!proxyUrl.isEmpty()) {
            Url url = Url.parse(proxyUrl).orElseThrow(() -> refusal("proxy-url", proxyUrl, "could not be parsed"));
            if (!DEFAULT_PORTS.containsKey(url.scheme())) {
                throw refusal("proxy-url", proxyUrl, "has unsupported scheme \"" + url.scheme()
                        + "\", must be http, https, or socks5");
            }
            return through("proxy-url", proxyUrl, url);
        }
        Optional<Url> target = Url.parse(server);
        if (target.isEmpty()) {
            return DIRECT;
        }
        List<String> variables = switch (target.get().scheme()) {
            case "https" -> List.of("HTTPS_PROXY", "https_proxy");
            case "http" -> List.of("HTTP_PROXY", "http_proxy");
            default -> List.of();
        };
        Optional<String> variable = firstSet(environment, variables);
        if (variable.isEmpty() || exempt(target.get(), firstSet(environment, List.of("NO_PROXY", "no_proxy"))
                .map(environment::get).orElse(""))) {
            return DIRECT;
        }
        String value = environment.get(variable.get());
        // As Go does: a value in another form is tried as an http proxy's address, and one that cannot be parsed is ignored.
        Optional<Url> url = Url.parse(value).filter(parsed -> DEFAULT_PORTS.containsKey(parsed.scheme()))
                .or(() -> Url.parse("http://" + value));
        return url.map(parsed -> through(variable.get(), value, parsed)).orElse(DIRECT);
    }

    /** {@link Proxy#NO_PROXY} for a direct connection. */
    Proxy proxy() {
        return proxy;
    }

    /** The Proxy-Authorization header's value for the proxy, or "" when its URL has no credentials. */
    String authorization() {
        return authorization;
    }

    /** Makes every connection of {@code client}, websocket upgrades included, go as chosen. */
    OkHttpClient.Builder applyTo(OkHttpClient.Builder client) {
        client.proxy(proxy);
        if (!authorization.isEmpty()) {
            // OkHttp asks before each CONNECT (as Go sends the credentials unasked), and again when the proxy
            // answers 407: a request that already carried them was refused, and asking again would loop.
            client.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null ? null
                    : response.request().newBuilder().header("Proxy-Authorization", authorization).build());
        }
        return client;
    }

    private static ClusterProxy through(String source, String text, Url url) {
        if (url.host().isEmpty()) {
            throw refusal(source, text, "names no host");
        }
        InetSocketAddress address = InetSocketAddress.createUnresolved(url.host(), url.port());
        return switch (url.scheme()) {
            case "https" -> throw refusal(source, text, "is a proxy reached over TLS (https), which Wheelhouse cannot use "
                    + "(kubectl can); give the proxy's http:// address if it has one");
            case "socks5" -> {
                if (url.userInfo() != null) {
                    throw refusal(source, text, "has a user name and password, which Wheelhouse cannot send to a SOCKS "
                            + "proxy (kubectl can)");
                }
                yield new ClusterProxy(new Proxy(Proxy.Type.SOCKS, address), "");
            }
            default -> new ClusterProxy(new Proxy(Proxy.Type.HTTP, address),
                    url.userInfo() == null ? "" : basic(url.userInfo()));
        };
    }

    /** Go's net/http sends the URL's user and password, decoded, even when the password is missing. */
    private static String basic(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
        return Credentials.basic(user, password, StandardCharsets.UTF_8);
    }

    /** Percent-decoding of a URL part; a '+' stays a '+', as it is outside a query. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static KubeconfigException refusal(String source, String text, String why) {
        return new KubeconfigException(source + " \"" + redacted(text) + "\" " + why);
    }

    /** The URL with its password replaced, as Go's url.Redacted does, also when the URL is malformed. */
    private static String redacted(String text) {
        int start = text.contains("://") ? text.indexOf("://") + 3 : 0;
        int at = text.lastIndexOf('@');
        int colon = text.indexOf(':', start);
        return colon < 0 || colon > at ? text : text.substring(0, colon + 1) + "xxxxx" + text.substring(at);
    }

    private static Optional<String> firstSet(Map<String, String> environment, List<String> names) {
        return names.stream().filter(name -> !environment.getOrDefault(name, "").isEmpty()).findFirst();
    }

    /** Whether a request to {@code target} goes direct whatever the proxy variables say (Go's useProxy, negated). */
    private static boolean exempt(Url target, String noProxy) {
        InetAddress ip = literalAddress(target.host());
        if (target.host().equals("localhost") || ip != null && ip.isLoopbackAddress()) {
            return true;
        }
        String host = target.host().toLowerCase(Locale.ROOT);
        String port = String.valueOf(target.port());
        for (String listed : noProxy.split(",")) {
            String entry = listed.strip().toLowerCase(Locale.ROOT);
            if (entry.equals("*") || !entry.isEmpty() && names(entry, host, port, ip)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one NO_PROXY entry (CIDR, IP or domain, the latter two with an optional port) covers the host. */
    private static boolean names(String entry, String host, String port, InetAddress ip) {
        int slash = entry.indexOf('/');
        InetAddress network = slash < 0 ? null : literalAddress(entry.substring(0, slash));
        if (network != null && entry.substring(slash + 1).matches("\\d{1,3}")) {
            int bits = Integer.parseInt(entry.substring(slash + 1));
            return bits <= network.getAddress().length * 8 && ip != null && inNetwork(ip, network, bits);
        }
        HostPort listed = HostPort.split(entry).orElse(new HostPort(entry, ""));
        if (listed.host().isEmpty()) {
            return false;
        }
        boolean portMatches = listed.port().isEmpty() || listed.port().equals(port);
        InetAddress listedIp = literalAddress(listed.host());
        if (listedIp != null) {
            return listedIp.equals(ip) && portMatches;
        }
        // "example.com" covers itself and its subdomains; ".example.com" and "*.example.com" only its subdomains.
        String domain = listed.host().startsWith("*.") ? listed.host().substring(1) : listed.host();
        boolean coversItself = !domain.startsWith(".");
        String suffix = coversItself ? "." + domain : domain;
        return (host.endsWith(suffix) || coversItself && host.equals(domain)) && portMatches;
    }

    private static boolean inNetwork(InetAddress ip, InetAddress network, int bits) {
        byte[] address = ip.getAddress();
        byte[] prefix = network.getAddress();
        if (address.length != prefix.length) {
            return false;
        }
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The address that {@code host} is written as (an IPv4 or IPv6 literal), or null for a name; never asks DNS. */
    private static InetAddress literalAddress(String host) {
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A URL's parts as Go's url.Parse gives them: scheme in lower case, user info still percent-encoded or null. */
    private record Url(String scheme, String userInfo, String host, int port) {
        static Optional<Url> parse(String text) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            // The raw authority, not getHost(): Java refuses host names that Go accepts, such as my_proxy.
            String authority = Optional.ofNullable(uri.getRawAuthority()).orElse("");
            int at = authority.lastIndexOf('@');
            String hostPort = authority.substring(at + 1);
            HostPort parts = HostPort.split(hostPort)
                    .orElse(new HostPort(hostPort.startsWith("[") && hostPort.endsWith("]")
                            ? hostPort.substring(1, hostPort.length() - 1) : hostPort, ""));
            if (!parts.port().matches("\\d{0,5}")) {
                return Optional.empty();
            }
            int port = parts.port().isEmpty() ? DEFAULT_PORTS.getOrDefault(scheme, 0) : Integer.parseInt(parts.port());
            if (port > 65535) {
                return Optional.empty();
            }
            return Optional.of(new Url(scheme, at < 0 ? null : authority.substring(0, at), parts.host(), port));
        }
    }

    /** Go's net.SplitHostPort: empty when the text has no port ("example.com", "::1") or is not host:port. */
    private record HostPort(String host, String port) {
        static Optional<HostPort> split(String text) {
            if (text.startsWith("[")) {
                int end = text.indexOf(']');
                return end > 0 && text.startsWith(":", end + 1)
                        ? Optional.of(new HostPort(text.substring(1, end), text.substring(end + 2))) : Optional.empty();
            }
            int colon = text.indexOf(':');
            return colon < 0 || colon != text.lastIndexOf(':') ? Optional.empty()
                    : Optional.of(new HostPort(text.substring(0, colon), text.substring(colon + 1)));
        }
    }
}

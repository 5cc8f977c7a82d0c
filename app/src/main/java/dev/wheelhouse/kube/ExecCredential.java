package dev.wheelhouse.kube;

import java.time.Instant;
import java.util.Optional;

/**
 * What a credential plugin handed out: a bearer token and/or a client certificate and key (PEM), valid until
 * {@code expiration} if the plugin gave one. {@link #toString()} leaves the secrets out.
 */
record ExecCredential(String token, String clientCertificateData, String clientKeyData, Optional<Instant> expiration) {

    boolean expiredAt(Instant now) {
        return expiration.map(end -> !now.isBefore(end)).orElse(false);
    }

    @Override
    public String toString() {
        return "ExecCredential[token " + (token == null ? "none" : "present") + ", client certificate "
                + (clientCertificateData == null ? "none" : "present") + ", expires "
                + expiration.map(Instant::toString).orElse("never") + "]";
    }
}

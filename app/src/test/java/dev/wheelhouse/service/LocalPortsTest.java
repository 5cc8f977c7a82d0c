package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.model.ProblemException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalPortsTest {
    private final InetAddress loopback = InetAddress.getLoopbackAddress();

    @Test
    void theRemotePortNumberIsTakenWhenFreeAndUnprivileged() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
            free = probe.getLocalPort();
        }
        try (ServerSocket server = LocalPorts.bind(loopback, 0, free)) {
            assertThat(server.getLocalPort()).isEqualTo(free);
            assertThat(server.getInetAddress()).isEqualTo(loopback);
        }
    }

    @Test
    void aPrivilegedOrTakenRemotePortGivesAnyFreePort() throws Exception {
        try (ServerSocket privileged = LocalPorts.bind(loopback, 0, 80)) {
            assertThat(privileged.getLocalPort()).isGreaterThanOrEqualTo(LocalPorts.FIRST_UNPRIVILEGED);
        }
        try (ServerSocket taken = new ServerSocket(0, 1, loopback);
             ServerSocket other = LocalPorts.bind(loopback, 0, taken.getLocalPort())) {
            assertThat(other.getLocalPort()).isNotEqualTo(taken.getLocalPort()).isPositive();
        }
    }

    @Test
    void aPortTheUserChoseIsThatPortOrAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
            assertThatThrownBy(() -> LocalPorts.bind(loopback, taken.getLocalPort(), 8080))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage("Local port 127.0.0.1:" + taken.getLocalPort() + " is already in use by another program; choose another port.");
        }
    }
}

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

    @Test
    void anAddressNotOfThisComputerIsSaidSoNotCalledABusyPort() throws Exception {
        // 192.0.2.1 is reserved for documentation (TEST-NET-1): no machine has it.
        InetAddress elsewhere = InetAddress.getByName("192.0.2.1");
        assertThatThrownBy(() -> LocalPorts.bind(elsewhere, 0, 8080))
                .isInstanceOf(ProblemException.class)
                .hasMessage("Cannot listen on 192.0.2.1: it is not an address of this computer; use 127.0.0.1 (this computer only) or 0.0.0.0 (every network).");
        assertThatThrownBy(() -> LocalPorts.bind(elsewhere, 18080, 8080))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("not an address of this computer");
    }
}

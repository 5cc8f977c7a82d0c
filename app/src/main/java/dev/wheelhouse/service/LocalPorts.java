package dev.wheelhouse.service;

import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;

/**
 * The local end of a forward. Without a port from the user it takes the remote port's number when that is free
 * and needs no privileges (1024 and up), else any free port; a port the user chose is that port or an error.
 */
final class LocalPorts {
    /** Ports below this need privileges a desktop user does not have. */
    static final int FIRST_UNPRIVILEGED = 1024;

    private LocalPorts() {
    }

    /** @param requested the user's port, or 0 to choose */
    static ServerSocket bind(InetAddress address, int requested, int remotePort) throws ProblemException {
        requireLocal(address);
        if (requested > 0) {
            return bindExactly(address, requested);
        }
        if (remotePort >= FIRST_UNPRIVILEGED) {
            try {
                return bindExactly(address, remotePort);
            } catch (ProblemException busy) {
                // Taken: any free port will do.
            }
        }
        return bindExactly(address, 0);
    }

    /**
     * Binding to an address another machine has fails with the same BindException as a busy port; say what is
     * wrong instead of blaming a port.
     */
    private static void requireLocal(InetAddress address) throws ProblemException {
        boolean local;
        try {
            local = address.isAnyLocalAddress() || address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            local = true; // Cannot tell: let the bind decide.
        }
        if (!local) {
            String message = "Cannot listen on " + address.getHostAddress()
                    + ": it is not an address of this computer; use 127.0.0.1 (this computer only) or 0.0.0.0 (every network).";
            throw new ProblemException(new Problem(Problem.Kind.FAILED, message, address.getHostAddress()), null);
        }
    }

    private static ServerSocket bindExactly(InetAddress address, int port) throws ProblemException {
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            // Lets a port come back at once after a forward stops, while its old connections linger in TIME_WAIT;
            // two listeners on one port are still refused.
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), 128);
            return server;
        } catch (BindException e) {
            closeQuietly(server);
            String where = address.getHostAddress() + ":" + port;
            String message = port < FIRST_UNPRIVILEGED && port > 0
                    ? "Local port " + where + " needs administrator rights; choose a port of 1024 or higher."
                    : "Local port " + where + " is already in use by another program; choose another port.";
            throw new ProblemException(new Problem(Problem.Kind.FAILED, message, e.getMessage()), e);
        } catch (IOException e) {
            closeQuietly(server);
            throw new ProblemException(new Problem(Problem.Kind.FAILED,
                    "Cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e.getMessage()), e);
        }
    }

    private static void closeQuietly(ServerSocket server) {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // It never listened.
        }
    }
}

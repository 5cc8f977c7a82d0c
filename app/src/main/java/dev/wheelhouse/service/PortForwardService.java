package dev.wheelhouse.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every forward of the app, across contexts. Starting one never fails as a whole: a forward whose port is busy
 * or whose target cannot be reached is listed in error with its reason, and no other forward is affected.
 * Listeners hear of every change of state and of connections (on whichever thread the change happened).
 */
public final class PortForwardService implements AutoCloseable {
    private final List<Forward> forwards = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * Starts forwarding; blocks only to bind the local port.
     *
     * @param address   where to listen: null for 127.0.0.1 (other machines cannot reach it)
     * @param localPort the user's port, or 0 to take the target's port when free (and 1024 or higher), else any
     */
    public Forward start(ClusterSession session, ForwardTarget target, String address, int localPort) {
        Forward forward = new Forward(session, target, this::changed);
        forwards.add(forward);
        try {
            forward.start(address == null || address.isBlank() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(address), localPort);
        } catch (UnknownHostException e) {
            forward.fail("Not a local address: " + address);
        }
        changed();
        return forward;
    }

    /** Every forward not stopped, oldest first. */
    public List<Forward> forwards() {
        return List.copyOf(forwards);
    }

    /** Stops a forward and drops it from the list. */
    public void stop(Forward forward) {
        forwards.remove(forward);
        forward.close();
        changed();
    }

    /** Stops every forward (the app closing, or "Stop all"). */
    public void stopAll() {
        List<Forward> all = List.copyOf(forwards);
        forwards.removeAll(all);
        all.forEach(Forward::close);
        changed();
    }

    /** Calls {@code listener} after each change; closing the handle stops that. */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public void close() {
        stopAll();
    }
}

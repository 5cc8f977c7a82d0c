package dev.wheelhouse.kube;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;

/**
 * Cancels calls without tripping a race in OkHttp 5: a call cancelled while its request headers are being
 * written reads the server's answer anyway and is never released (no callEnd nor callFailed; the pool then
 * reports "a connection was leaked" once the collector finds it). Installed as the clients' event listener,
 * this knows which calls are writing their headers, and cancels those right after, instead of during.
 */
final class Cancelling extends EventListener {
    /** The one listener, for every client; the calls it follows are in the sets below. */
    static final EventListener LISTENER = new Cancelling();
    private static final Object LOCK = new Object();
    /** Calls between requestHeadersStart and requestHeadersEnd (or requestFailed); guarded by LOCK. */
    private static final Set<Call> WRITING = new HashSet<>();
    /** Calls asked to cancel while writing: they are cancelled once written; guarded by LOCK. */
    private static final Set<Call> WANTED = new HashSet<>();

    private Cancelling() {
    }

    /** Cancels the call now, or as soon as its request headers are written. */
    static void cancel(Call call) {
        synchronized (LOCK) {
            if (WRITING.contains(call)) {
                WANTED.add(call);
                return;
            }
        }
        call.cancel();
    }

    @Override
    public void requestHeadersStart(Call call) {
        synchronized (LOCK) {
            WRITING.add(call);
        }
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        written(call);
    }

    @Override
    public void requestFailed(Call call, IOException failure) {
        written(call);
    }

    @Override
    public void callEnd(Call call) {
        forget(call);
    }

    @Override
    public void callFailed(Call call, IOException failure) {
        forget(call);
    }

    private static void written(Call call) {
        boolean wanted;
        synchronized (LOCK) {
            WRITING.remove(call);
            wanted = WANTED.remove(call);
        }
        if (wanted) {
            call.cancel();
        }
    }

    private static void forget(Call call) {
        synchronized (LOCK) {
            WRITING.remove(call);
            WANTED.remove(call);
        }
    }
}

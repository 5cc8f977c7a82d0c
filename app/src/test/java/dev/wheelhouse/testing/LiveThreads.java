package dev.wheelhouse.testing;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live threads whose names start with a prefix, for tests that check a handle leaves none behind. They
 * compare sets of names (each service numbers its threads from one counter) rather than counts, so that a
 * thread of an earlier test ending meanwhile cannot hide one of this test's.
 */
public final class LiveThreads {
    private LiveThreads() {
    }

    public static Set<String> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).collect(Collectors.toSet());
    }

    /** Each such thread with where it is, so that a failure says what it waits for. */
    public static String stacks(String prefix) {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.isAlive() && thread.getName().startsWith(prefix)) {
                out.append('\n').append(thread.getName()).append(' ').append(thread.getState());
                for (StackTraceElement frame : stack) {
                    out.append("\n    at ").append(frame);
                }
            }
        });
        return out.toString();
    }
}

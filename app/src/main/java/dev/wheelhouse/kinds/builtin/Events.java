package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import java.time.Instant;
import java.util.Comparator;

/** Events: what happened to objects lately; a Warning (its printed Type) reads as bad. */
public final class Events {
    /** Newest first sorts by this; the details' event lists use it too. */
    public static final Comparator<KubeObject> NEWEST_FIRST = Comparator.comparing(Events::lastSeen).reversed();

    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "events", "Event").namespaced()
            .category(Category.CLUSTER)
            .health(o -> "Warning".equals(o.cell("Type")) ? Health.BAD : Health.NEUTRAL)
            .learning("event")
            .build();

    private Events() {
    }

    /** The latest of the times an event may carry (series, lastTimestamp, eventTime, creation). */
    public static Instant lastSeen(KubeObject event) {
        for (String path : new String[] {"series.lastObservedTime", "lastTimestamp", "eventTime", "metadata.creationTimestamp"}) {
            String text = event.string(path);
            if (!text.isEmpty()) {
                try {
                    return Instant.parse(text);
                } catch (RuntimeException notATime) {
                    // eventTime has microseconds in some versions; fall through to the next field.
                }
            }
        }
        return Instant.EPOCH;
    }
}

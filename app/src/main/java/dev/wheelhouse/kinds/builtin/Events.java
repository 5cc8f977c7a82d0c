package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.Column;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/** Events: what happened to objects lately, as {@code kubectl get events}. */
public final class Events {
    /** Newest first sorts by this; the details' event lists use it too. */
    public static final Comparator<KubeObject> NEWEST_FIRST = Comparator.comparing(Events::lastSeen).reversed();

    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "events", "Event").namespaced()
            .category(Category.CLUSTER)
            .column(new Column("Last seen", o -> Cells.age(Duration.between(lastSeen(o), Instant.now())), NEWEST_FIRST))
            .column("Type", o -> o.string("type"))
            .column("Reason", o -> o.string("reason"))
            .column("Object", o -> o.string("involvedObject.kind").toLowerCase(Locale.ROOT) + "/" + o.string("involvedObject.name"))
            .column("Message", o -> o.string("message"))
            .health(o -> "Warning".equals(o.string("type")) ? Health.BAD : Health.NEUTRAL)
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

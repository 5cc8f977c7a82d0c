package dev.wheelhouse.kinds.explain;

import dev.wheelhouse.model.KubeObject;
import java.time.Instant;
import java.util.List;

/** "This object, in words": its relations as sentences and the causes of its status, from what is known of it now. */
public record ObjectInWords(String subject, List<String> relations, List<Explanation> status) {
    public ObjectInWords {
        relations = List.copyOf(relations);
        status = List.copyOf(status);
    }

    public static ObjectInWords of(KubeObject object, List<KubeObject> events, Related related, Instant now) {
        String subject = object.kind() + " " + (object.namespace().isEmpty() ? "" : object.namespace() + "/") + object.name();
        return new ObjectInWords(subject, Relations.of(object, related), StatusCauses.of(object, events, now));
    }
}

package dev.wheelhouse.ui.common;

import dev.wheelhouse.model.KubeObject;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.util.Subscription;

/**
 * What features add to an object's details (port-forward toggles beside its ports) without the details knowing
 * them: the details ask for the extra nodes each time they show an object; a feature answers null when it has
 * nothing for that object. The nodes bind while attached (see {@link Lifecycle}), so dropping one leaves nothing.
 */
public final class DetailExtras {
    private final List<Function<KubeObject, Node>> extras = new CopyOnWriteArrayList<>();

    /** Adds a contributor; the subscription removes it again. */
    public Subscription contribute(Function<KubeObject, Node> extra) {
        extras.add(extra);
        return () -> extras.remove(extra);
    }

    /** The nodes the features have for {@code object}, in the order they were contributed. */
    public List<Node> nodesFor(KubeObject object) {
        return extras.stream().map(extra -> extra.apply(object)).filter(Objects::nonNull).toList();
    }
}

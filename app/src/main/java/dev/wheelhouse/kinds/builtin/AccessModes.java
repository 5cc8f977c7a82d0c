package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.model.KubeObject;
import java.util.stream.Collectors;

/** Volume access modes in kubectl's short form: RWO, ROX, RWX, RWOP. */
final class AccessModes {
    private AccessModes() {
    }

    static String of(KubeObject object, String path) {
        return object.list(path).stream().map(String::valueOf).map(mode -> switch (mode) {
            case "ReadWriteOnce" -> "RWO";
            case "ReadOnlyMany" -> "ROX";
            case "ReadWriteMany" -> "RWX";
            case "ReadWriteOncePod" -> "RWOP";
            default -> mode;
        }).collect(Collectors.joining(","));
    }
}

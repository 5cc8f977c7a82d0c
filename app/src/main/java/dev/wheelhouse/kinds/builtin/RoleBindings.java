package dev.wheelhouse.kinds.builtin;

import static dev.wheelhouse.kinds.Cells.maps;
import static dev.wheelhouse.kinds.Cells.text;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;
import java.util.stream.Collectors;

/** RoleBindings: who gets a Role, as {@code kubectl get rolebindings -o wide}. */
public final class RoleBindings {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding")
            .namespaced()
            .category(Category.ACCESS)
            .column("Role", o -> o.string("roleRef.kind") + "/" + o.string("roleRef.name"))
            .age()
            .column("Subjects", o -> maps(o.list("subjects")).stream().map(s -> text(s, "kind") + "/" + text(s, "name"))
                    .collect(Collectors.joining(", ")))
            .learning("rolebinding")
            .build();

    private RoleBindings() {
    }
}

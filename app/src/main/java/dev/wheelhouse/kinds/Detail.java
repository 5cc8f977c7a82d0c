package dev.wheelhouse.kinds;

import dev.wheelhouse.model.KubeObject;
import java.util.function.Function;

/** One labelled line of a kind's own details (a Service's selector, a Node's kubelet version...). */
public record Detail(String label, Function<KubeObject, String> value) {
}

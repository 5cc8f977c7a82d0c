package dev.wheelhouse.kinds;

import com.google.gson.JsonParser;
import dev.wheelhouse.kube.JsonMaps;
import dev.wheelhouse.model.KubeObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Objects as the sandbox's API server returned them (kubectl get -o json), kept under test resources,
 * converted as the app converts what it receives.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static KubeObject load(String name) {
        try (Reader reader = new InputStreamReader(Fixtures.class.getResourceAsStream("/fixtures/" + name + ".json"),
                StandardCharsets.UTF_8)) {
            return JsonMaps.toObject(JsonParser.parseReader(reader).getAsJsonObject());
        } catch (Exception e) {
            throw new IllegalStateException("fixture " + name, e);
        }
    }
}

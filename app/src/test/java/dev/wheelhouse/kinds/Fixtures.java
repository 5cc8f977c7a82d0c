package dev.wheelhouse.kinds;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.wheelhouse.model.KubeObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Objects as the sandbox's API server returned them (kubectl get -o json), kept under test resources. */
public final class Fixtures {
    private Fixtures() {
    }

    public static KubeObject load(String name) {
        try (Reader reader = new InputStreamReader(Fixtures.class.getResourceAsStream("/fixtures/" + name + ".json"),
                StandardCharsets.UTF_8)) {
            return new KubeObject(new Gson().fromJson(reader, new TypeToken<Map<String, Object>>() { }.getType()));
        } catch (Exception e) {
            throw new IllegalStateException("fixture " + name, e);
        }
    }
}

package dev.wheelhouse.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A namespace of the sandbox that a test class owns: made before its tests, deleted after.
 * Use as {@code @RegisterExtension static final SandboxNamespace NS = new SandboxNamespace("x-test");}
 */
public final class SandboxNamespace implements BeforeAllCallback, AfterAllCallback {
    private final String name;

    public SandboxNamespace(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The previous run deleted it without waiting: let that finish, then start from an empty one.
        Sandbox.kubectlResult("delete", "namespace", name, "--ignore-not-found", "--wait=true", "--timeout=120s");
        Sandbox.kubectl("create", "namespace", name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Sandbox.kubectlResult("delete", "namespace", name, "--wait=false");
    }

    @Override
    public String toString() {
        return name;
    }
}

package dev.wheelhouse.kube;

/** A kubeconfig that cannot be used as it stands; the message names the file and the field. */
public class KubeconfigException extends RuntimeException {
    public KubeconfigException(String message) {
        super(message);
    }
}

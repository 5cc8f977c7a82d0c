package dev.wheelhouse.kube;

import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesType;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import java.util.Map;

/**
 * Failed responses of the generic API as exceptions whose body is the server's Status message.
 * (The client's own {@code throwsApiException()} puts the whole Status object's toString() into the message.)
 */
final class Responses {
    private Responses() {
    }

    static <T extends KubernetesType> T check(KubernetesApiResponse<T> response) throws ApiException {
        if (response.isSuccess()) {
            return response.getObject();
        }
        JsonObject body = new JsonObject();
        String message = response.getStatus() == null ? "" : response.getStatus().getMessage();
        body.addProperty("message", message == null ? "" : message);
        throw new ApiException(response.getHttpStatusCode(), Map.of(), body.toString());
    }
}

package dev.wheelhouse.kube;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the plugin's current bearer token on every request of a client, and on a 401 asks for a fresh one and
 * tries once more, so an expired or revoked token costs one answer, not a broken watch.
 */
final class ExecAuthInterceptor implements Interceptor {
    private static final int UNAUTHORIZED = 401;

    private final ExecCredentials credentials;

    ExecAuthInterceptor(ExecCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        ExecCredential credential = credentials.current();
        Response response = chain.proceed(authorized(chain.request(), credential));
        if (response.code() != UNAUTHORIZED || credential.token() == null) {
            return response;
        }
        response.close();
        credentials.rejected(credential);
        return chain.proceed(authorized(chain.request(), credentials.current()));
    }

    private static Request authorized(Request request, ExecCredential credential) {
        if (credential.token() == null) {
            return request;
        }
        return request.newBuilder().header("Authorization", "Bearer " + credential.token()).build();
    }
}

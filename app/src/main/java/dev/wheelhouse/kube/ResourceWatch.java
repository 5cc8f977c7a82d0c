package dev.wheelhouse.kube;

import dev.wheelhouse.model.ResourceType;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A live list of one resource type in one namespace (or all), kept by an informer:
 * one list, then a watch that relists on 410 Gone. Closing it stops the watch.
 * Each watch gets its own informer factory, because a factory keeps only one informer per Java class.
 */
public final class ResourceWatch implements AutoCloseable {
    private final SharedInformerFactory factory;
    private final SharedIndexInformer<DynamicKubernetesObject> informer;
    private final ScheduledExecutorService timer;
    private final WatchListener listener;
    private final String server;
    private final Consumer<ResourceWatch> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    ResourceWatch(ApiClient streamClient, ExecutorService watchThreads, ScheduledExecutorService timer,
                  ResourceType type, String namespace, String server, WatchListener listener,
                  Consumer<ResourceWatch> onClose) {
        this.factory = new SharedInformerFactory(streamClient, watchThreads, false);
        this.timer = timer;
        this.listener = listener;
        this.server = server;
        this.onClose = onClose;
        DynamicKubernetesApi api = new DynamicKubernetesApi(type.group(), type.version(), type.plural(), streamClient);
        String scope = ClusterConnection.scope(type, namespace);
        this.informer = factory.sharedIndexInformerFor(new DynamicListerWatcher(api, type, scope),
                DynamicKubernetesObject.class, 0, (cls, error) -> reportUnlessClosed(error));
        informer.setTransform(raw -> {
            if (raw instanceof DynamicKubernetesObject dynamic) {
                JsonMaps.withoutManagedFields(dynamic.getRaw());
            }
            return raw;
        });
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(DynamicKubernetesObject obj) {
                listener.upserted(JsonMaps.toObject(obj.getRaw()));
            }

            @Override
            public void onUpdate(DynamicKubernetesObject oldObj, DynamicKubernetesObject newObj) {
                listener.upserted(JsonMaps.toObject(newObj.getRaw()));
            }

            @Override
            public void onDelete(DynamicKubernetesObject obj, boolean finalStateUnknown) {
                listener.deleted(JsonMaps.toObject(obj.getRaw()));
            }
        });
        factory.startAllRegisteredInformers();
        timer.schedule(this::announceWhenSynced, 20, TimeUnit.MILLISECONDS);
    }

    /** The informer has no "synced" callback; a local check (no network) tells when the first list is in. */
    private void announceWhenSynced() {
        if (closed.get()) {
            return;
        }
        if (informer.hasSynced()) {
            listener.synced();
        } else {
            timer.schedule(this::announceWhenSynced, 50, TimeUnit.MILLISECONDS);
        }
    }

    private void reportUnlessClosed(Throwable error) {
        if (!closed.get()) {
            listener.failed(KubeFailures.toProblem(error, server));
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            factory.stopAllRegisteredInformers(false);
            onClose.accept(this);
        }
    }
}

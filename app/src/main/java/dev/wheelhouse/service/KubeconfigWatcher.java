package dev.wheelhouse.service;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Notices when a kubeconfig file is written, created or removed, so contexts added or removed
 * elsewhere (kubectl config, a cloud CLI) appear without a restart. It watches the files' folders,
 * because editors and kubectl replace files rather than write them in place. Close it to stop.
 */
public final class KubeconfigWatcher implements AutoCloseable {
    /** Writers often touch a file several times in a row; one reload follows a quiet moment. */
    private static final long SETTLE_MS = 300;

    private final WatchService service;
    private final Thread thread;

    private KubeconfigWatcher(WatchService service, Set<Path> files, Runnable onChange) {
        this.service = service;
        this.thread = new Thread(() -> loop(files, onChange), "wheelhouse-kubeconfig-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching; {@code onChange} runs on the watcher's own thread. */
    public static KubeconfigWatcher start(List<Path> files, Runnable onChange) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        Set<Path> watched = new HashSet<>();
        for (Path file : files) {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder) && watched.add(folder)) {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        Set<Path> names = new HashSet<>();
        files.forEach(f -> names.add(f.toAbsolutePath()));
        return new KubeconfigWatcher(service, names, onChange);
    }

    private void loop(Set<Path> files, Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = relevant(key, files);
                // Gather the burst of events a single save makes, then reload once.
                WatchKey more;
                while ((more = service.poll(SETTLE_MS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= relevant(more, files);
                }
                if (relevant) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // Closed: the window went away.
        }
    }

    private static boolean relevant(WatchKey key, Set<Path> files) {
        Path folder = (Path) key.watchable();
        boolean hit = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name && files.contains(folder.resolve(name).toAbsolutePath())) {
                hit = true;
            }
        }
        key.reset();
        return hit;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}

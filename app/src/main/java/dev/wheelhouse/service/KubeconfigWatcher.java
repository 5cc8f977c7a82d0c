package dev.wheelhouse.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Notices when a kubeconfig file is written, created or removed, so contexts added or removed
 * elsewhere (kubectl config, a cloud CLI) appear without a restart. It watches the files' folders,
 * because editors and kubectl replace files rather than write them in place. A folder that does not
 * exist yet (a fresh machine has no ~/.kube) is waited for from the nearest folder above it that does,
 * and watched from the moment it appears; one removed or moved away is waited for again. Close it to stop.
 */
public final class KubeconfigWatcher implements AutoCloseable {
    /** Writers often touch a file several times in a row; one reload follows a quiet moment. */
    private static final long SETTLE_MS = 300;

    private final WatchService service;
    private final Set<Path> files;
    /** Folders registered with the service; touched only by start() and then by the watcher's thread. */
    private final Map<Path, WatchKey> watched = new HashMap<>();
    private final Runnable onChange;
    private Thread thread;

    private KubeconfigWatcher(WatchService service, Set<Path> files, Runnable onChange) {
        this.service = service;
        this.files = files;
        this.onChange = onChange;
    }

    /** Starts watching; {@code onChange} runs on the watcher's own thread. */
    public static KubeconfigWatcher start(List<Path> files, Runnable onChange) throws IOException {
        Set<Path> absolute = new LinkedHashSet<>();
        files.forEach(f -> absolute.add(f.toAbsolutePath().normalize()));
        KubeconfigWatcher watcher = new KubeconfigWatcher(FileSystems.getDefault().newWatchService(), absolute, onChange);
        try {
            watcher.registerFolders();
        } catch (IOException | RuntimeException e) {
            watcher.service.close();
            throw e;
        }
        watcher.thread = new Thread(watcher::loop, "wheelhouse-kubeconfig-watch");
        watcher.thread.setDaemon(true);
        watcher.thread.start();
        return watcher;
    }

    /**
     * Watches each file's folder and the folder above it (where the folder itself being created, removed or
     * moved shows), or while they are missing the nearest existing folder above; stops watching the rest.
     */
    private void registerFolders() throws IOException {
        // A folder made inside one just registered, before it was, sent no event: look again until nothing changes.
        Set<Path> before;
        do {
            before = new HashSet<>(watched.keySet());
            registerWantedFolders();
        } while (!before.equals(watched.keySet()));
    }

    private void registerWantedFolders() throws IOException {
        Set<Path> wanted = new HashSet<>();
        for (Path file : files) {
            Path folder = file.getParent();
            if (folder != null && Files.isDirectory(folder)) {
                wanted.add(folder);
            }
            Path above = folder == null ? null : folder.getParent();
            while (above != null && !Files.isDirectory(above)) {
                above = above.getParent();
            }
            if (above != null) {
                wanted.add(above);
            }
        }
        watched.entrySet().removeIf(entry -> {
            boolean unwanted = !wanted.contains(entry.getKey());
            if (unwanted) {
                entry.getValue().cancel();
            }
            return unwanted;
        });
        for (Path folder : wanted) {
            if (!watched.containsKey(folder)) {
                watched.put(folder, folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = handle(key);
                // Gather the burst of events a single save makes, then reload once.
                WatchKey more;
                while ((more = service.poll(SETTLE_MS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= handle(more);
                }
                if (relevant) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // Closed: the window went away.
        } catch (UncheckedIOException e) {
            // A folder could not be registered (permissions): the files are no longer followed, as before start.
        }
    }

    /** Whether the key's events touch a file or a folder on the way to one; follows folders that appeared or went. */
    private boolean handle(WatchKey key) {
        Path folder = (Path) key.watchable();
        boolean fileChanged = false;
        boolean pathChanged = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                fileChanged = true;
                pathChanged = true;
            } else if (event.context() instanceof Path name) {
                Path changed = folder.resolve(name);
                fileChanged |= files.contains(changed);
                pathChanged |= files.stream().anyMatch(f -> !f.equals(changed) && f.startsWith(changed));
            }
        }
        if (!key.reset()) {
            // The folder was removed (or its watch cancelled here): wait for it again from above.
            watched.remove(folder, key);
            pathChanged = true;
        }
        if (!pathChanged) {
            return fileChanged;
        }
        try {
            registerFolders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A folder on the way appeared or went: the files may have come or gone with it (or been written
        // before their folder was registered), so read them again.
        return true;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}

package dev.wheelhouse.ui.logs;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.service.AnsiText;
import dev.wheelhouse.service.LineRing;
import dev.wheelhouse.service.LogBatch;
import dev.wheelhouse.service.LogState;
import dev.wheelhouse.service.LogTarget;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Handles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * A log tab's state: the options of the tail (container, follow, previous, since, tail lines), the lines
 * held (a ring of at most {@code maxLines}) and those shown (muted pods and the filter taken out), search,
 * pause, and the tail's state in words. Lines come from the service's background thread; they are queued and
 * applied on the UI thread in one go per turn, however many batches came meanwhile. Changing an option opens
 * a new tail; {@link #stop()} closes it, cancelling its requests.
 */
public final class LogsViewModel {
    /** Opens a tail (the cluster's log service in the app); the sink is called on a background thread. */
    @FunctionalInterface
    public interface Opener {
        AutoCloseable open(LogTarget target, LogOptions options, Consumer<LogBatch> sink);
    }

    private static final Comparator<LogLine> BY_TIME = Comparator.comparing(LogLine::time);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final BackgroundTasks tasks;
    private final Opener opener;
    private final LineRing<LogLine> held;
    private final TailList<LogLine> shown = new TailList<>();
    private final ObjectProperty<LogTarget> target = new SimpleObjectProperty<>();
    private final StringProperty container = new SimpleStringProperty("");
    private final ObservableList<String> containers = FXCollections.observableArrayList();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty previous = new SimpleBooleanProperty(false);
    private final BooleanProperty timestamps = new SimpleBooleanProperty(false);
    private final BooleanProperty wrap = new SimpleBooleanProperty(false);
    private final LongProperty sinceSeconds = new SimpleLongProperty(0);
    private final LongProperty tailLines = new SimpleLongProperty(LogOptions.DEFAULT.tailLines());
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty(false);
    private final BooleanProperty matchCase = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper patternProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> pods = FXCollections.observableArrayList();
    private final Map<String, Integer> colours = new HashMap<>();
    private final ObservableSet<String> muted = FXCollections.observableSet();
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper newWhilePaused = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<LogState> state = new ReadOnlyObjectWrapper<>(LogState.WAITING);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private final IntegerProperty currentMatch = new SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    private final Queue<LogBatch> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean applyScheduled = new AtomicBoolean();
    private AutoCloseable tail;
    /** Batches of a tail that was replaced are dropped: they belong to other options. */
    private int generation;
    private Pattern searchPattern;
    private Pattern filterPattern;
    private boolean started;
    private long received;
    /** Lines at the front of the shown list that have left the ring, removed together (see append). */
    private int staleShown;
    /** The list may hold this fraction of its window more, in lines waiting to be removed. */
    private static final int TRIM_FRACTION = 10;
    /**
     * How many of the newest lines the list shows while following: each change of the list's length costs
     * JavaFX's virtualized list passes over all its rows, so 100,000 rows make every batch slow. Older held
     * lines are one click away ({@link #showAll()}); search and filter look at what the list holds.
     */
    static final int VIEW_WINDOW = 20_000;
    private final int followingWindow;
    private int window;

    public LogsViewModel(BackgroundTasks tasks, Opener opener, LogTarget target, int maxLines) {
        this(tasks, opener, target, maxLines, VIEW_WINDOW);
    }

    LogsViewModel(BackgroundTasks tasks, Opener opener, LogTarget target, int maxLines, int viewWindow) {
        this.tasks = tasks;
        this.opener = opener;
        this.held = new LineRing<>(maxLines, LineRing.DEFAULT_MAX_CHARACTERS, line -> line.text().length());
        this.followingWindow = Math.min(viewWindow, maxLines);
        this.window = followingWindow;
        this.target.set(target);
        for (var option : List.of(container, follow, previous, sinceSeconds, tailLines, this.target)) {
            option.addListener((obs, was, now) -> restart());
        }
        search.addListener((obs, was, now) -> compilePatterns());
        for (var option : List.of(filter, regex, matchCase)) {
            option.addListener((obs, was, now) -> {
                compilePatterns();
                refilter();
            });
        }
        paused.addListener((obs, was, now) -> {
            if (!now) {
                newWhilePaused.set(0);
            }
        });
    }

    /** Opens the tail (when its view is attached). */
    public void start() {
        started = true;
        open();
    }

    /** Closes the tail at once: its requests are cancelled and its threads end (when its view is detached). */
    public void stop() {
        started = false;
        generation++;
        Handles.closeQuietly(tail);
        tail = null;
        pending.clear();
    }

    private void restart() {
        if (started) {
            stop();
            started = true;
            open();
        }
    }

    private void open() {
        held.clear();
        shown.clear();
        staleShown = 0;
        pods.clear();
        newWhilePaused.set(0);
        received = 0;
        currentMatch.set(-1);
        state.set(LogState.WAITING);
        stateText.set(describe(LogState.WAITING, ""));
        int mine = ++generation;
        LogOptions options = new LogOptions(container.get(), follow.get(), previous.get(), tailLines.get(), sinceSeconds.get());
        tail = opener.open(target.get(), options, batch -> {
            pending.add(batch);
            if (applyScheduled.compareAndSet(false, true)) {
                tasks.later(() -> applyPending(mine));
            }
        });
    }

    /** On the UI thread: everything that came since the last turn, applied at once. */
    private void applyPending(int ofGeneration) {
        applyScheduled.set(false);
        List<LogLine> lines = new ArrayList<>();
        LogBatch last = null;
        for (LogBatch batch = pending.poll(); batch != null; batch = pending.poll()) {
            lines.addAll(batch.lines());
            if (batch.pods() != null) {
                pods.setAll(batch.pods());
            }
            if (batch.containers() != null) {
                containers.setAll(batch.containers());
            }
            last = batch;
        }
        if (ofGeneration != generation || last == null) {
            return;
        }
        append(lines);
        state.set(last.state());
        stateText.set(describe(last.state(), last.detail()));
    }

    /**
     * Adds lines in time order. The tail merges its streams by time, but a stream that lags more than its
     * holdback delivers lines older than some already shown: those are put in their place, one by one.
     */
    private void append(List<LogLine> lines) {
        received += lines.size();
        List<LogLine> inOrder = new ArrayList<>(lines.size());
        List<LogLine> late = new ArrayList<>();
        LogLine newest = held.size() == 0 ? null : held.get(held.size() - 1);
        for (LogLine line : lines) {
            if (newest != null && BY_TIME.compare(line, newest) < 0) {
                late.add(line);
            } else {
                inOrder.add(line);
                newest = line;
            }
        }
        List<LogLine> evicted = held.addAll(inOrder);
        int evictedShown = countShown(evicted);
        List<LogLine> added = new ArrayList<>(inOrder.size());
        for (LogLine line : inOrder) {
            if (isShown(line)) {
                added.add(line);
            }
        }
        // Lines added and dropped in this one batch never reach the list.
        int addedAndDropped = Math.max(0, evictedShown - (shown.size() - staleShown));
        if (addedAndDropped > 0) {
            added = added.subList(addedAndDropped, added.size());
            evictedShown -= addedAndDropped;
        }
        staleShown += evictedShown;
        shown.addAll(added);
        int newlyShown = added.size() + placeLate(late);
        trimFront();
        if (paused.get()) {
            newWhilePaused.set(newWhilePaused.get() + newlyShown);
        }
    }

    /**
     * Puts lines that came late in their place by time, in the ring and (those shown) in the list, all in one
     * merge: a stream that catches up may bring thousands at once. Returns how many were listed.
     */
    private int placeLate(List<LogLine> late) {
        if (late.isEmpty()) {
            return 0;
        }
        late.sort(BY_TIME);
        Set<LogLine> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(late);
        for (LogLine evicted : held.insertAll(late, BY_TIME)) {
            // A late line older than every line of a full ring is dropped at once; others leave the list's front.
            if (!kept.remove(evicted) && isShown(evicted)) {
                staleShown++;
            }
        }
        // Older than the first listed line of a full window: older held lines are not listed either.
        LogLine firstListed = staleShown < shown.size() && shown.size() - staleShown >= window && window < held.capacity()
                ? shown.get(staleShown) : null;
        List<LogLine> listed = new ArrayList<>();
        for (LogLine line : late) {
            if (kept.contains(line) && isShown(line) && (firstListed == null || BY_TIME.compare(line, firstListed) >= 0)) {
                listed.add(line);
            }
        }
        if (listed.isEmpty()) {
            return 0;
        }
        // Lines at the front that left the ring are older than any held line, and go together.
        int from = Math.max(staleShown, LineRing.positionAfter(shown, listed.get(0), BY_TIME));
        LogLine match = currentMatch.get() >= from ? shown.get(currentMatch.get()) : null;
        shown.mergeFrom(from, listed, BY_TIME);
        if (match != null) {
            int moved = currentMatch.get();
            while (shown.get(moved) != match) {
                moved++;
            }
            currentMatch.set(moved);
        }
        return listed.size();
    }

    private int countShown(List<LogLine> lines) {
        int count = 0;
        for (LogLine line : lines) {
            if (isShown(line)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Lines that left the ring, or fell out of the window, leave the list in chunks: every change of the list's
     * length costs the view a pass over all its rows, so one removal per chunk instead of one per batch.
     */
    private void trimFront() {
        int beyondWindow = Math.max(0, shown.size() - staleShown - window);
        int removable = Math.min(shown.size(), staleShown + beyondWindow);
        if (removable > 0 && (removable >= Math.max(1, window / TRIM_FRACTION) || removable >= shown.size())) {
            shown.removeFirst(removable);
            if (currentMatch.get() >= 0) {
                currentMatch.set(Math.max(-1, currentMatch.get() - removable));
            }
            staleShown = 0;
        }
    }

    private static String describe(LogState state, String detail) {
        String words = switch (state) {
            case WAITING -> "Waiting";
            case STREAMING -> "Streaming";
            case RECONNECTING -> "Reconnecting";
            case ENDED -> "Ended";
            case ERROR -> "Error";
        };
        return detail == null || detail.isBlank() ? words : words + ": " + detail;
    }

    private void compilePatterns() {
        patternProblem.set("");
        searchPattern = compile(search.get());
        filterPattern = compile(filter.get());
    }

    private Pattern compile(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int flags = matchCase.get() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        try {
            return Pattern.compile(regex.get() ? text : Pattern.quote(text), flags);
        } catch (PatternSyntaxException e) {
            patternProblem.set("Not a regular expression: " + e.getDescription());
            return null;
        }
    }

    /** Whether a line passes the mute/solo choice and the filter. Notes pass any filter. */
    boolean isShown(LogLine line) {
        if (line.pod() != null && muted.contains(line.pod())) {
            return false;
        }
        return line.isNote() || filterPattern == null || filterPattern.matcher(AnsiText.strip(line.text())).find();
    }

    private void refilter() {
        List<LogLine> all = held.toList();
        List<LogLine> now = new ArrayList<>(all.size());
        for (LogLine line : all) {
            if (isShown(line)) {
                now.add(line);
            }
        }
        shown.setAll(now.size() > window ? now.subList(now.size() - window, now.size()) : now);
        staleShown = 0;
        currentMatch.set(-1);
    }

    /** Hides or shows one pod's lines. */
    public void mute(String pod, boolean hide) {
        if (hide) {
            muted.add(pod);
        } else {
            muted.remove(pod);
        }
        refilter();
    }

    /** Shows only this pod's lines (or every pod's again, if it was the only one shown). */
    public void solo(String pod) {
        boolean alreadySolo = muted.size() == pods.size() - 1 && !muted.contains(pod);
        muted.clear();
        if (!alreadySolo) {
            pods.stream().filter(other -> !other.equals(pod)).forEach(muted::add);
        }
        refilter();
    }

    /** The view stops following new lines (the user scrolled up); new lines are counted. */
    public void pause() {
        paused.set(true);
    }

    /** Back to the newest line, following again (End); the list goes back to its window of newest lines. */
    public void resume() {
        paused.set(false);
        if (window != followingWindow) {
            window = followingWindow;
            refilter();
        }
    }

    /** Shows every held line, not only the newest window of them (paused: the user is reading back). */
    public void showAll() {
        paused.set(true);
        if (window != held.capacity()) {
            window = held.capacity();
            refilter();
        }
    }

    /** Whether the list shows every held line that passes the filter, not only the newest window of them. */
    public boolean showsEveryHeldLine() {
        return window == held.capacity() || held.size() <= window;
    }

    /** Moves to the next (or previous) shown line matching the search, wrapping around; returns its index or -1. */
    public int findNext(boolean forward) {
        if (searchPattern == null || shown.isEmpty()) {
            currentMatch.set(-1);
            return -1;
        }
        int size = shown.size();
        int from = currentMatch.get() < 0 ? (forward ? -1 : size) : currentMatch.get();
        for (int step = 1; step <= size; step++) {
            int index = Math.floorMod(from + (forward ? step : -step), size);
            if (searchPattern.matcher(AnsiText.strip(shown.get(index).text())).find()) {
                paused.set(true);
                currentMatch.set(index);
                return index;
            }
        }
        currentMatch.set(-1);
        return -1;
    }

    /** Where the search matches a line's text without escapes: [start, end) pairs. */
    public List<int[]> matches(String plainText) {
        List<int[]> ranges = new ArrayList<>();
        if (searchPattern == null) {
            return ranges;
        }
        Matcher matcher = searchPattern.matcher(plainText);
        while (matcher.find() && ranges.size() < 100) {
            if (matcher.end() == matcher.start()) {
                break;
            }
            ranges.add(new int[] {matcher.start(), matcher.end()});
        }
        return ranges;
    }

    /** Whether lines say whose they are: a workload's pods, or a pod's several containers. */
    public boolean showsSource() {
        return !target.get().isPod() || container.get().isEmpty() && containers.size() > 1;
    }

    /** The prefix naming a line's pod (and container), as shown. */
    public String source(LogLine line) {
        if (line.pod() == null) {
            return "";
        }
        if (target.get().isPod()) {
            return line.container() == null ? "" : line.container();
        }
        boolean severalContainers = container.get().isEmpty() && containers.size() > 1;
        return line.container() == null || !severalContainers ? line.pod() : line.pod() + "/" + line.container();
    }

    /** A line as copied and saved: time (when shown), source (when shown), text without escapes. */
    public String plainText(LogLine line) {
        StringBuilder text = new StringBuilder();
        if (timestamps.get()) {
            text.append(TIME.format(line.time())).append(' ');
        }
        if (showsSource() && !source(line).isEmpty()) {
            text.append(source(line)).append(' ');
        }
        text.append(line.isNote() ? "-- " + line.text() + " --" : AnsiText.strip(line.text()));
        return text.toString();
    }

    public String plainText(List<LogLine> lines) {
        StringBuilder text = new StringBuilder();
        for (LogLine line : lines) {
            text.append(plainText(line)).append('\n');
        }
        return text.toString();
    }

    /** Writes the lines shown to a file, in the background; the notice says how it went. */
    public void save(Path file) {
        String text = plainText(List.copyOf(shown));
        int count = shown.size();
        tasks.run(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                done -> notice.set("Saved " + count + " lines to " + file),
                failure -> notice.set("Could not save to " + file + ": " + failure.getMessage()));
    }

    public ObservableList<LogLine> lines() {
        return shown;
    }

    /** How many lines have arrived since the tail opened (the benchmark's count). */
    public long receivedCount() {
        return received;
    }

    /** How many lines are held (shown or filtered out); at most the ring's bound. */
    public int heldCount() {
        return held.size();
    }

    public ObjectProperty<LogTarget> targetProperty() {
        return target;
    }

    public StringProperty containerProperty() {
        return container;
    }

    public ObservableList<String> containers() {
        return containers;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty previousProperty() {
        return previous;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    public LongProperty sinceSecondsProperty() {
        return sinceSeconds;
    }

    public LongProperty tailLinesProperty() {
        return tailLines;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty matchCaseProperty() {
        return matchCase;
    }

    public ReadOnlyStringProperty patternProblemProperty() {
        return patternProblem.getReadOnlyProperty();
    }

    public ObservableList<String> pods() {
        return pods;
    }

    /**
     * The pod's colour, by the order pods first came into this view: the first eight pods of a workload
     * never share one (a hash of the name could give two pods the same colour), and a pod keeps its colour.
     */
    public int colourOf(String pod) {
        return colours.computeIfAbsent(pod == null ? "" : pod, p -> colours.size());
    }

    public ObservableSet<String> muted() {
        return muted;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyIntegerProperty newWhilePausedProperty() {
        return newWhilePaused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LogState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public IntegerProperty currentMatchProperty() {
        return currentMatch;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}

package dev.wheelhouse.ui.switcher;

import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.switcher.SwitcherMatcher.Match;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Subscription;

/**
 * The quick switcher over the window's content: a query field and the ranked results with the
 * matched letters in bold. Ctrl+K opens it; Up/Down move, Enter or a click chooses, Escape or a
 * click beside it closes it. Focus goes back where it was when it closes.
 */
public final class QuickSwitcherView extends StackPane {
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

    private static final double ROW_HEIGHT = 26;
    private static final int VISIBLE_ROWS = 12;

    private final QuickSwitcherViewModel switcher;
    private final TextField query = new TextField();
    private final ListView<Match<Candidate>> list = new ListView<>();
    private Node focusBefore;

    public QuickSwitcherView(QuickSwitcherViewModel switcher) {
        this.switcher = switcher;
        setId("quick-switcher");
        getStyleClass().add("quick-switcher");
        getStylesheets().add(QuickSwitcherView.class.getResource("switcher.css").toExternalForm());
        query.setId("switcher-query");
        query.setPromptText("Jump to a kind, namespace, context or object…");
        list.setId("switcher-results");
        list.setFocusTraversable(false);
        list.setItems(switcher.results());
        list.setCellFactory(l -> new ResultCell());
        list.setPlaceholder(new Label("Nothing matches."));
        // As tall as its results, up to twelve rows; one row's height for the placeholder.
        list.setFixedCellSize(ROW_HEIGHT);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, Math.min(VISIBLE_ROWS, switcher.results().size())) * ROW_HEIGHT + 2, switcher.results()));
        Label status = new Label();
        status.setId("switcher-status");
        status.getStyleClass().add("switcher-status");
        status.textProperty().bind(switcher.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());

        VBox card = new VBox(6, query, list, status);
        card.getStyleClass().add("switcher-card");
        card.setMaxWidth(640);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> e.consume());
        VBox.setVgrow(list, Priority.ALWAYS);
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        StackPane.setMargin(card, new Insets(40, 20, 20, 20));
        getChildren().add(card);
        setOnMouseClicked(e -> switcher.close());
        query.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        setVisible(false);

        // Replacing the results clears the list's selection; the view model's stays, so show it again.
        ListChangeListener<Match<Candidate>> resultsReplaced = change -> select(switcher.selectedIndexProperty().get());
        Lifecycle.whileAttached(this, () -> {
            query.textProperty().bindBidirectional(switcher.queryProperty());
            switcher.results().addListener(resultsReplaced);
            getScene().getAccelerators().put(SHORTCUT, this::open);
            return Subscription.combine(
                    () -> query.textProperty().unbindBidirectional(switcher.queryProperty()),
                    () -> switcher.results().removeListener(resultsReplaced),
                    () -> {
                        if (getScene() != null) {
                            getScene().getAccelerators().remove(SHORTCUT);
                        }
                    },
                    switcher.showingProperty().subscribe(this::showing),
                    switcher.selectedIndexProperty().subscribe(index -> select(index.intValue())),
                    list.getSelectionModel().selectedIndexProperty().subscribe(index -> {
                        if (index.intValue() >= 0) {
                            switcher.selectedIndexProperty().set(index.intValue());
                        }
                    }));
        });
    }

    private void open() {
        if (!switcher.showingProperty().get()) {
            focusBefore = getScene().getFocusOwner();
            switcher.open();
        }
        query.requestFocus();
    }

    private void showing(boolean now) {
        setVisible(now);
        if (now) {
            query.requestFocus();
        } else if (focusBefore != null && focusBefore.getScene() == getScene()) {
            focusBefore.requestFocus();
            focusBefore = null;
        }
    }

    private void select(int index) {
        if (index < 0) {
            list.getSelectionModel().clearSelection();
        } else if (list.getSelectionModel().getSelectedIndex() != index) {
            list.getSelectionModel().select(index);
            list.scrollTo(Math.max(0, index - 3));
        }
    }

    private void keyPressed(KeyEvent key) {
        switch (key.getCode()) {
            case UP -> switcher.move(-1);
            case DOWN -> switcher.move(1);
            case PAGE_UP -> switcher.move(-10);
            case PAGE_DOWN -> switcher.move(10);
            case ENTER -> switcher.chooseSelected();
            case ESCAPE -> switcher.close();
            default -> {
                return;
            }
        }
        key.consume();
    }

    /** The name with its matched letters in bold, and what and where it is on the right. */
    private final class ResultCell extends ListCell<Match<Candidate>> {
        ResultCell() {
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    switcher.choose(getItem().item());
                }
            });
        }

        @Override
        protected void updateItem(Match<Candidate> match, boolean empty) {
            super.updateItem(match, empty);
            getStyleClass().remove("switcher-search");
            if (empty || match == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Candidate candidate = match.item();
            if (candidate.type() == Candidate.Type.SEARCH) {
                getStyleClass().add("switcher-search");
            }
            Label detail = new Label(candidate.detail());
            detail.getStyleClass().add("switcher-detail");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(8, highlighted(candidate.name(), match.positions()), gap, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }

    /** Runs of matched and unmatched letters as separate texts, the matched ones styled. */
    static TextFlow highlighted(String name, int[] positions) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("switcher-name");
        boolean[] matched = new boolean[name.length()];
        for (int at : positions) {
            matched[at] = true;
        }
        int start = 0;
        for (int i = 1; i <= name.length(); i++) {
            if (i == name.length() || matched[i] != matched[start]) {
                Text run = new Text(name.substring(start, i));
                run.getStyleClass().add(matched[start] ? "switcher-match" : "switcher-text");
                flow.getChildren().add(run);
                start = i;
            }
        }
        return flow;
    }
}

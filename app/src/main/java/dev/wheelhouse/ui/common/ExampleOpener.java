package dev.wheelhouse.ui.common;

/**
 * Opens an example manifest (a learning text's YAML, which is also the kind's template) in the YAML editor,
 * without the learning panel knowing the editor: the app implements it with the editor's tabs.
 */
@FunctionalInterface
public interface ExampleOpener {

    /**
     * Opens {@code yaml} in a new editor tab, unsaved.
     *
     * @param topic the kind's learning topic ("deployment"), naming the tab
     */
    void open(String topic, String yaml);
}

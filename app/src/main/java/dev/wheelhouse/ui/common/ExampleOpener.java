package dev.wheelhouse.ui.common;

/**
 * Opens an example manifest (a learning text's YAML, which is also the kind's template) in the YAML editor.
 * The editor implements it; until the editor exists, the app wires {@link #NONE}, and the learning panel shows
 * its "Open in editor" buttons greyed out with {@link #UNAVAILABLE} as their tooltip.
 */
public interface ExampleOpener {
    String UNAVAILABLE = "The YAML editor is not part of Wheelhouse yet: copy the example instead.";

    /** No editor: nothing opens. */
    ExampleOpener NONE = new ExampleOpener() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void open(String topic, String yaml) {
        }
    };

    /** Whether {@link #open} does anything here. */
    boolean available();

    /**
     * Opens {@code yaml} in a new editor tab, unsaved.
     *
     * @param topic the kind's learning topic ("deployment"), naming the tab
     */
    void open(String topic, String yaml);
}

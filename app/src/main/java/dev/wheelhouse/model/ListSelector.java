package dev.wheelhouse.model;

/**
 * Narrows a watched list the way kubectl's {@code -l} and {@code --field-selector} do, on the server:
 * e.g. {@code fields("involvedObject.uid=" + uid)} for one object's Events. An empty part matches everything.
 */
public record ListSelector(String labels, String fields) {
    public static final ListSelector ALL = new ListSelector("", "");

    public ListSelector {
        labels = labels == null ? "" : labels.strip();
        fields = fields == null ? "" : fields.strip();
    }

    public static ListSelector labels(String labelSelector) {
        return new ListSelector(labelSelector, "");
    }

    public static ListSelector fields(String fieldSelector) {
        return new ListSelector("", fieldSelector);
    }
}

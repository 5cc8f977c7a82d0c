package dev.wheelhouse.ui.common;

/** Where features open tabs (implemented by the app's workspace tabs). */
public interface TabHost {
    /** Opens the tab, or brings it forward if one with the same id is open. */
    void open(WorkspaceTab tab);
}

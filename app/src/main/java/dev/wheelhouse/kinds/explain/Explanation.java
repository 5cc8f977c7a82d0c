package dev.wheelhouse.kinds.explain;

import java.util.List;

/**
 * Why an object is in the state it is, for a beginner: a short title ("Pending: no node fits"), the cause in
 * a sentence or two (read from the object's status, conditions and Events), what to do about it, and the
 * kubectl commands that help.
 */
public record Explanation(String title, String cause, List<String> whatToDo, List<String> commands) {
    public Explanation {
        whatToDo = List.copyOf(whatToDo);
        commands = List.copyOf(commands);
    }
}

package dev.wheelhouse.service.labs;

import java.util.List;
import java.util.function.UnaryOperator;

/** One step: what to do, a hint, the kubectl commands that do it, and the checks that all hold once it is done. */
public record LabStep(String text, String hint, List<String> commands, List<LabCheck> checks) {

    public LabStep {
        commands = List.copyOf(commands);
        checks = List.copyOf(checks);
    }

    LabStep renamed(UnaryOperator<String> inText, UnaryOperator<String> namespace) {
        return new LabStep(inText.apply(text), inText.apply(hint), commands.stream().map(inText).toList(),
                checks.stream().map(check -> check.renamed(namespace)).toList());
    }
}

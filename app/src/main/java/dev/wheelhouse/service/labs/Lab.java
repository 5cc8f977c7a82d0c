package dev.wheelhouse.service.labs;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guided exercise: a few steps, each checked against the live cluster. It works only in the namespaces it
 * owns, which its reset deletes (with all they hold).
 */
public record Lab(String id, String title, String intro, List<String> namespaces, List<LabStep> steps) {

    public Lab {
        namespaces = List.copyOf(namespaces);
        steps = List.copyOf(steps);
    }

    /**
     * The same lab in other namespaces ({@code lab-dev} → {@code rename.apply("lab-dev")}), in its commands, texts and
     * checks alike; tests use it to run a lab without touching the namespaces a user's own attempt may hold.
     */
    public Lab inNamespaces(UnaryOperator<String> rename) {
        UnaryOperator<String> inText = text -> {
            String result = text;
            for (String namespace : namespaces) {
                // A whole name only: lab-dev must not turn lab-dev-2 into something else.
                result = Pattern.compile("(?<![\\w-])" + Pattern.quote(namespace) + "(?![\\w-])").matcher(result)
                        .replaceAll(Matcher.quoteReplacement(rename.apply(namespace)));
            }
            return result;
        };
        UnaryOperator<String> owned = name -> namespaces.contains(name) ? rename.apply(name) : name;
        return new Lab(id, title, inText.apply(intro), namespaces.stream().map(rename).toList(),
                steps.stream().map(step -> step.renamed(inText, owned)).toList());
    }
}

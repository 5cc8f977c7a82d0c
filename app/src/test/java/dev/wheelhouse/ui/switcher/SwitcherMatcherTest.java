package dev.wheelhouse.ui.switcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.ui.switcher.SwitcherMatcher.Match;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SwitcherMatcherTest {

    private static List<String> ranked(String query, String... names) {
        return SwitcherMatcher.top(query, List.of(names), Function.identity(), 50).stream().map(Match::text).toList();
    }

    @Test
    void keepsOnlyNamesHoldingTheQueryInOrderIgnoringCase() {
        assertThat(ranked("FdP", "frontend-deployment-x2k4q", "pdf", "backend", "fd")).containsExactly("frontend-deployment-x2k4q");
    }

    @Test
    void aPrefixRanksAboveTheSameLettersAfterAWordBreak() {
        assertThat(ranked("dep", "frontend-deployment", "deployments")).containsExactly("deployments", "frontend-deployment");
    }

    @Test
    void aWordBreakRanksAboveTheSameLettersInsideAWord() {
        assertThat(ranked("dep", "xxdepxx-aa", "xx-depxxxx")).containsExactly("xx-depxxxx", "xxdepxx-aa");
        assertThat(ranked("sa", "Roles", "ServiceAccounts")).containsExactly("ServiceAccounts");
        assertThat(ranked("pc", "PersistentVolumeClaims", "Pxxxxxxxxxxxxxxxxxxxcxxx")).containsExactly("PersistentVolumeClaims", "Pxxxxxxxxxxxxxxxxxxxcxxx");
    }

    @Test
    void initialsOfWordsFindTheName() {
        assertThat(ranked("fd", "fooddx", "frontend-deployment-7d9f8c6b5-x2k4q")).first().isEqualTo("frontend-deployment-7d9f8c6b5-x2k4q");
    }

    @Test
    void aContiguousRunRanksAboveScatteredLetters() {
        assertThat(ranked("end", "exnxdxx", "xxendxx")).containsExactly("xxendxx", "exnxdxx");
    }

    @Test
    void equalScoresRankShorterNamesFirstThenKeepTheGivenOrder() {
        assertThat(ranked("pod", "PodDisruptionBudgets", "Pods")).containsExactly("Pods", "PodDisruptionBudgets");
        assertThat(ranked("web", "web-b", "web-a", "web")).containsExactly("web", "web-b", "web-a");
    }

    @Test
    void highlightsTheBestAlignmentNotTheFirstOne() {
        Match<String> match = SwitcherMatcher.top("dep", List.of("addep-dep"), Function.identity(), 1).get(0);
        // "d" at 1 would be the first fit; the word after "-" is the better one.
        assertThat(match.positions()).containsExactly(6, 7, 8);

        Match<String> initials = SwitcherMatcher.top("fdx", List.of("frontend-deployment-x2k4q"), Function.identity(), 1).get(0);
        assertThat(initials.positions()).containsExactly(0, 9, 20);
    }

    @Test
    void returnsAtMostTheLimitBestFirst() {
        List<String> names = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "pod-" + i).toList();
        List<Match<String>> top = SwitcherMatcher.top("pod-1", names, Function.identity(), 5);
        assertThat(top).hasSize(5);
        assertThat(top.get(0).text()).isEqualTo("pod-1");
    }

    @Test
    void aBlankQueryListsTheFirstItemsAsGiven() {
        assertThat(ranked("  ", "b", "a")).containsExactly("b", "a");
    }
}

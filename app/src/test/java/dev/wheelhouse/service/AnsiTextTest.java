package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.AnsiText.Segment;
import dev.wheelhouse.service.AnsiText.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiTextTest {
    private static final String ESC = "\u001b";

    @Test
    void plainTextIsOneSegment() {
        assertThat(AnsiText.parse("hello")).containsExactly(new Segment("hello", Style.PLAIN));
    }

    @Test
    void coloursAndBoldSplitTheLineAndResetEndsThem() {
        List<Segment> segments = AnsiText.parse("level=" + ESC + "[1;31mERROR" + ESC + "[0m done");
        assertThat(segments).containsExactly(
                new Segment("level=", Style.PLAIN),
                new Segment("ERROR", new Style(1, AnsiText.DEFAULT, true, false, false)),
                new Segment(" done", Style.PLAIN));
    }

    @Test
    void brightPaletteAndTrueColours() {
        assertThat(AnsiText.parse(ESC + "[92mok").get(0).style().foreground()).isEqualTo(10);
        assertThat(AnsiText.parse(ESC + "[38;5;208mx").get(0).style().foreground()).isEqualTo(208);
        assertThat(AnsiText.parse(ESC + "[48;2;1;2;3mx").get(0).style().background()).isEqualTo(AnsiText.RGB | 0x010203);
    }

    @Test
    void otherEscapesAreRemovedAndStripLeavesTheText() {
        assertThat(AnsiText.strip(ESC + "[2K" + ESC + "[32mgreen" + ESC + "[m text")).isEqualTo("green text");
        assertThat(AnsiText.strip("unterminated " + ESC + "[31")).isEqualTo("unterminated ");
    }
}

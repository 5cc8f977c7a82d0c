package dev.wheelhouse.ui.portforward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForwardsViewModelTest {

    @Test
    void bytesReadAsPeopleCountThem() {
        assertThat(ForwardsViewModel.bytes(0)).isEqualTo("0 B");
        assertThat(ForwardsViewModel.bytes(1023)).isEqualTo("1023 B");
        assertThat(ForwardsViewModel.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(ForwardsViewModel.bytes(3 * 1024 * 1024 + 104858)).isEqualTo("3.1 MB");
    }

    @Test
    void aLocalPortIsANumberFrom1To65535OrBlank() {
        assertThat(ForwardDialog.parsePort("")).isZero();
        assertThat(ForwardDialog.parsePort(" 8080 ")).isEqualTo(8080);
        assertThat(ForwardDialog.parsePort("0")).isEqualTo(-1);
        assertThat(ForwardDialog.parsePort("65536")).isEqualTo(-1);
        assertThat(ForwardDialog.parsePort("http")).isEqualTo(-1);
    }
}

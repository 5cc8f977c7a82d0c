package dev.wheelhouse.service.labs;

import dev.wheelhouse.service.Settings;

/**
 * How far the user got in each lab, per context (the same lab on another cluster starts afresh), kept in the
 * settings file as {@code labs.<context>.<lab id>: <steps done>}.
 */
public final class LabProgress {
    private LabProgress() {
    }

    public static String key(String context, Lab lab) {
        return "labs." + context + "." + lab.id();
    }

    public static int stepsDone(Settings settings, String context, Lab lab) {
        return (int) Math.max(0, Math.min(lab.steps().size(), settings.number(key(context, lab), 0)));
    }
}

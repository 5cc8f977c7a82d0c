package dev.wheelhouse.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a log line at its ANSI SGR escapes ({@code ESC[...m}) into segments of one style each, as a terminal
 * would colour them. Other escape sequences are removed. Colours are numbers: 0-15 the terminal's named
 * colours, 16-255 the xterm palette, and {@code 0x1000000 | rgb} for 24-bit colours; -1 is the default.
 */
public final class AnsiText {
    private static final char ESC = 27;
    public static final int DEFAULT = -1;
    public static final int RGB = 0x1000000;

    private AnsiText() {
    }

    public record Style(int foreground, int background, boolean bold, boolean italic, boolean underline) {
        public static final Style PLAIN = new Style(DEFAULT, DEFAULT, false, false, false);
    }

    public record Segment(String text, Style style) {
    }

    /** The line without any escape sequence: what is searched, filtered, copied and saved. */
    public static String strip(String line) {
        if (line.indexOf(ESC) < 0) {
            return line;
        }
        StringBuilder plain = new StringBuilder(line.length());
        for (Segment segment : parse(line)) {
            plain.append(segment.text());
        }
        return plain.toString();
    }

    public static List<Segment> parse(String line) {
        List<Segment> segments = new ArrayList<>();
        if (line.indexOf(ESC) < 0) {
            segments.add(new Segment(line, Style.PLAIN));
            return segments;
        }
        Style style = Style.PLAIN;
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != ESC) {
                text.append(c);
                i++;
                continue;
            }
            if (i + 1 < line.length() && line.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < line.length() && (line.charAt(end) < 0x40 || line.charAt(end) > 0x7e)) {
                    end++;
                }
                if (end >= line.length()) {
                    break;
                }
                if (line.charAt(end) == 'm') {
                    Style next = apply(style, line.substring(i + 2, end));
                    if (!next.equals(style) && text.length() > 0) {
                        segments.add(new Segment(text.toString(), style));
                        text.setLength(0);
                    }
                    style = next;
                }
                i = end + 1;
            } else {
                // A lone ESC or another kind of sequence: drop the ESC and the character that names it.
                i += 2;
            }
        }
        if (text.length() > 0 || segments.isEmpty()) {
            segments.add(new Segment(text.toString(), style));
        }
        return segments;
    }

    private static Style apply(Style style, String parameters) {
        String[] codes = parameters.isEmpty() ? new String[] {"0"} : parameters.split("[;:]", -1);
        int fg = style.foreground();
        int bg = style.background();
        boolean bold = style.bold();
        boolean italic = style.italic();
        boolean underline = style.underline();
        for (int k = 0; k < codes.length; k++) {
            int code = number(codes[k]);
            if (code == 0) {
                fg = DEFAULT;
                bg = DEFAULT;
                bold = false;
                italic = false;
                underline = false;
            } else if (code == 1) {
                bold = true;
            } else if (code == 3) {
                italic = true;
            } else if (code == 4) {
                underline = true;
            } else if (code == 22) {
                bold = false;
            } else if (code == 23) {
                italic = false;
            } else if (code == 24) {
                underline = false;
            } else if (code >= 30 && code <= 37) {
                fg = code - 30;
            } else if (code >= 90 && code <= 97) {
                fg = code - 90 + 8;
            } else if (code == 39) {
                fg = DEFAULT;
            } else if (code >= 40 && code <= 47) {
                bg = code - 40;
            } else if (code >= 100 && code <= 107) {
                bg = code - 100 + 8;
            } else if (code == 49) {
                bg = DEFAULT;
            } else if ((code == 38 || code == 48) && k + 1 < codes.length) {
                int colour = DEFAULT;
                int mode = number(codes[k + 1]);
                if (mode == 5 && k + 2 < codes.length) {
                    colour = number(codes[k + 2]) & 0xff;
                    k += 2;
                } else if (mode == 2 && k + 4 < codes.length) {
                    colour = RGB | (number(codes[k + 2]) & 0xff) << 16 | (number(codes[k + 3]) & 0xff) << 8 | (number(codes[k + 4]) & 0xff);
                    k += 4;
                } else {
                    k += 1;
                }
                if (code == 38) {
                    fg = colour;
                } else {
                    bg = colour;
                }
            }
        }
        return new Style(fg, bg, bold, italic, underline);
    }

    private static int number(String code) {
        try {
            return code.isEmpty() ? 0 : Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -2;
        }
    }
}

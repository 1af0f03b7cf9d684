package io.detc.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Sigma string value as written in a rule into a {@link Text}: the one place where the spec's backslash
 * rules are applied, so every later stage sees typed wildcards instead of raw {@code *} and {@code ?}.
 *
 * <p>Rules, from sigma-rules-specification.md, "Escape Character"
 * (https://github.com/SigmaHQ/sigma-specification/blob/main/specification/sigma-rules-specification.md#escape-character):
 * <ul>
 *   <li>unescaped {@code *} is {@link Text.Wildcard#ANY_SEQUENCE}, unescaped {@code ?} is
 *       {@link Text.Wildcard#ANY_CHAR} ("String Wildcard");</li>
 *   <li>{@code \*} and {@code \?} are a literal star and question mark;</li>
 *   <li>{@code \\} is one literal backslash wherever it stands: before a wildcard ({@code \\*} = backslash then
 *       wildcard) and elsewhere ("plain backslash not followed by a wildcard can be expressed as single {@code \}
 *       or double backslash {@code \\}"), so {@code C:\\Windows} and {@code C:\Windows} mean the same;</li>
 *   <li>a backslash before any other character is itself literal, so {@code \\\*} = {@code \*} and both
 *       {@code \\\} and {@code \\\\} = {@code \\} ("three or four backslashes are handled as double backslash");</li>
 *   <li>a trailing backslash is literal.</li>
 * </ul>
 * This is exactly pySigma's {@code SigmaString.__init__} (sigma/types.py), which the spec text summarises.
 */
public final class SigmaString {
    private static final char ESCAPE = '\\';

    private SigmaString() {
    }

    /** The {@link Text} a raw rule value stands for. Never fails: every string is a valid Sigma string. */
    public static Text parse(String raw) {
        List<Text.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (escaped) {
                // spec "Escape Character": \* \? \\ stand for the plain character; before anything else the
                // backslash is an ordinary character and is kept (so C:\Windows needs no doubling).
                if (c != '*' && c != '?' && c != ESCAPE) {
                    literal.append(ESCAPE);
                }
                literal.append(c);
                escaped = false;
            } else if (c == ESCAPE) {
                escaped = true;
            } else if (c == '*' || c == '?') {
                // spec "String Wildcard": '*' any sequence, '?' exactly one character
                flush(literal, parts);
                parts.add(c == '*' ? Text.Wildcard.ANY_SEQUENCE : Text.Wildcard.ANY_CHAR);
            } else {
                literal.append(c);
            }
        }
        if (escaped) {
            // spec: a backslash that escapes nothing is a plain backslash, at the end too
            literal.append(ESCAPE);
        }
        flush(literal, parts);
        return new Text(parts);
    }

    private static void flush(StringBuilder literal, List<Text.Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Text.Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}

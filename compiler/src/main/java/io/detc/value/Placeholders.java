package io.detc.value;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code %name%} placeholder of an {@code |expand} value. Placeholders get their meaning from a pipeline
 * (sigma-rules-specification.md, "Placeholders"), so the lowering only records where one stands.
 *
 * <p>Escaping, from the spec: "A plain percent character can be used by escaping it with a backslash"
 * ({@code \%plain%name%} is the text {@code %plain} then placeholder {@code name}). As in pySigma
 * ({@code SigmaString.insert_placeholders}), a placeholder is {@code %} word-characters {@code %} not preceded by a
 * backslash, found in the literal parts after {@link SigmaString} parsing, and each {@code \%} then becomes {@code %}.
 * Names may also contain {@code -} (see {@link #PLACEHOLDER}).
 *
 * <p>The result's template is the whole value with the placeholder written {@code %name%} in a literal part, so a
 * pipeline substitutes that spelling. To keep that unambiguous a value has exactly one placeholder, and its spelling
 * may not appear again as escaped text.
 */
public final class Placeholders {
    /**
     * pySigma's {@code (?<!\\)%(?P<name>\w+)%} ({@code \w} is Unicode in Python 3, so it is here too), widened to
     * allow {@code -} after the first character: SigmaHQ's rules-placeholder uses {@code %DC-MACHINE-NAME%}, which
     * pySigma silently leaves as plain text although the author asked for {@code |expand}.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\)%(\\w[\\w-]*)%",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Placeholders() {
    }

    /** The outcome: a placeholder and its template, or a problem to report (E316). */
    public sealed interface Found permits One, Problem {
    }

    /** Exactly one placeholder {@code name}; {@code template} holds it as the literal {@code %name%}. */
    public record One(String name, Text template) implements Found {
    }

    /** Why the value cannot be expanded. */
    public record Problem(String message) implements Found {
    }

    /** Looks for the placeholder of an {@code |expand} value. */
    public static Found find(Text value) {
        List<String> names = new ArrayList<>();
        List<Text.Part> parts = new ArrayList<>();
        for (Text.Part p : value.parts()) {
            if (!(p instanceof Text.Literal l)) {
                parts.add(p);
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(l.text());
            StringBuilder b = new StringBuilder();
            int last = 0;
            while (m.find()) {
                b.append(unescape(l.text().substring(last, m.start())));
                b.append(m.group());
                names.add(m.group(1));
                last = m.end();
            }
            b.append(unescape(l.text().substring(last)));
            if (b.length() > 0) {
                parts.add(new Text.Literal(b.toString()));
            }
        }
        if (names.isEmpty()) {
            return new Problem("an |expand value needs a %name% placeholder (write \\% for a plain percent sign)");
        }
        if (names.size() > 1) {
            return new Problem("detc supports one placeholder per |expand value, found " + names.size()
                    + ": %" + String.join("%, %", names) + "%");
        }
        Text template = new Text(parts);
        String spelled = "%" + names.get(0) + "%";
        int occurrences = 0;
        for (Text.Part p : template.parts()) {
            if (p instanceof Text.Literal l) {
                for (int i = l.text().indexOf(spelled); i >= 0; i = l.text().indexOf(spelled, i + 1)) {
                    occurrences++;
                }
            }
        }
        if (occurrences > 1) {
            return new Problem("the escaped text " + spelled + " would be confused with the placeholder " + spelled);
        }
        return new One(names.get(0), template);
    }

    private static String unescape(String s) {
        // spec "Placeholders": \% is a plain percent character
        return s.replace("\\%", "%");
    }
}

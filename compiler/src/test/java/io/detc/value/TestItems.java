package io.detc.value;

import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.ir.IrPrinter;
import io.detc.rule.DetectionItem;
import io.detc.source.SourceFile;
import io.detc.source.Span;
import io.detc.source.TextLocator;
import io.detc.yaml.YamlNode;
import io.detc.yaml.YamlNode.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds {@link DetectionItem}s as the loader would, over a small synthetic file, so tests can check exact spans.
 * A single value is written {@code key: value} on line 1; a list is {@code key:} then {@code   - value} lines.
 * Values are written unquoted, so a value's file columns are its own characters.
 */
final class TestItems {
    private TestItems() {
    }

    /** A value as written and the type YAML resolved for it. */
    record V(String text, ScalarType type) {
    }

    static V s(String text) {
        return new V(text, ScalarType.STRING);
    }

    static V i(String text) {
        return new V(text, ScalarType.INT);
    }

    static V f(String text) {
        return new V(text, ScalarType.FLOAT);
    }

    static V b(String text) {
        return new V(text, ScalarType.BOOL);
    }

    static V nul() {
        return new V("null", ScalarType.NULL);
    }

    /** {@code key: value} (not a list). */
    static DetectionItem item(String key, V value) {
        return build(key, List.of(value), false);
    }

    /** {@code key:} with the values as a YAML list. */
    static DetectionItem list(String key, V... values) {
        return build(key, List.of(values), true);
    }

    private static DetectionItem build(String key, List<V> values, boolean list) {
        StringBuilder text = new StringBuilder(key).append(':');
        if (list) {
            for (V v : values) {
                text.append("\n  - ").append(v.text());
            }
        } else {
            text.append(' ').append(values.get(0).text());
        }
        SourceFile file = new SourceFile("t.yml", text.append('\n').toString());
        List<YamlNode.Scalar> scalars = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            V v = values.get(k);
            Span span = list ? new Span(file, k + 2, 5, v.text().length())
                    : new Span(file, 1, key.length() + 3, v.text().length());
            scalars.add(new YamlNode.Scalar(v.text(), v.type(), span, TextLocator.linear(span)));
        }
        String[] parts = key.split("\\|", -1);
        List<DetectionItem.ModifierRef> mods = new ArrayList<>();
        int column = parts[0].length() + 2;
        for (int k = 1; k < parts.length; k++) {
            mods.add(new DetectionItem.ModifierRef(parts[k], new Span(file, 1, column, parts[k].length())));
            column += parts[k].length() + 1;
        }
        Optional<String> field = parts[0].isEmpty() ? Optional.empty() : Optional.of(parts[0]);
        Span keySpan = new Span(file, 1, 1, key.length());
        return new DetectionItem(field, new Span(file, 1, 1, Math.max(1, parts[0].length())), mods, scalars, list,
                keySpan);
    }

    /** The printed IR, or {@code -} when lowering failed, then each diagnostic as {@code | E306 1:7+8 message}. */
    static String lower(DetectionItem item) {
        Diagnostics diags = new Diagnostics();
        String ir = ItemLowering.lower(item, diags).map(IrPrinter::print).orElse("-");
        String ds = diags.list().stream().map(TestItems::diag).collect(Collectors.joining(""));
        return ir + ds;
    }

    /** Only the printed IR; fails when any diagnostic was reported. */
    static String ir(DetectionItem item) {
        String out = lower(item);
        if (out.contains(" | ")) {
            throw new AssertionError("unexpected diagnostics: " + out);
        }
        return out;
    }

    static String diag(Diagnostic d) {
        return " | " + d.code().id() + " " + d.span().line() + ":" + d.span().column() + "+" + d.span().length()
                + " " + d.message();
    }
}

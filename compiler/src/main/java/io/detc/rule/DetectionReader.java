package io.detc.rule;

import io.detc.condition.Condition;
import io.detc.condition.ConditionReader;
import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.source.Span;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code detection} (or {@code filter}) section: search identifiers into {@link Selection}s, and the
 * condition(s) through the ANTLR grammar, with positions rebased into the file.
 */
final class DetectionReader {
    private final Diagnostics diags;

    DetectionReader(Diagnostics diags) {
        this.diags = diags;
    }

    /** Reads the section; {@code reserved} keys (e.g. a filter's {@code rules}) are not search identifiers. */
    Detection read(YamlNode.Mapping section, java.util.Set<String> reserved) {
        Map<String, SearchIdentifier> ids = new LinkedHashMap<>();
        List<Condition> conditions = new ArrayList<>();
        boolean sawCondition = false;
        for (YamlNode.Entry e : section.entries()) {
            String name = e.key().value();
            if (name.equals("condition")) {
                sawCondition = true;
                conditions.addAll(conditions(e.value()));
            } else if (name.equals("timeframe")) {
                diags.report(Code.LEGACY_AGGREGATION, e.key().span(), "'timeframe' belonged to the pipe aggregations"
                        + " removed in Sigma 2.0", "use a correlation rule with 'timespan'");
            } else if (!reserved.contains(name)) {
                selection(e.value()).ifPresent(s -> ids.put(name, new SearchIdentifier(name, e.key().span(), s)));
            }
        }
        if (!sawCondition) {
            diags.report(Code.MISSING_CONDITION, section.span(), "detection has no 'condition'");
        }
        return new Detection(ids, conditions, section.span());
    }

    private List<Condition> conditions(YamlNode node) {
        List<Condition> out = new ArrayList<>();
        if (node instanceof YamlNode.Scalar s && s.isString()) {
            ConditionReader.read(s.value(), s.locator(), diags).ifPresent(out::add);
        } else if (node instanceof YamlNode.Seq q && !q.items().isEmpty()) {
            for (YamlNode item : q.items()) {
                if (item instanceof YamlNode.Scalar s && s.isString()) {
                    ConditionReader.read(s.value(), s.locator(), diags).ifPresent(out::add);
                } else {
                    diags.report(Code.WRONG_TYPE, item.span(), "each condition must be a string, found "
                            + YamlNode.kind(item));
                }
            }
        } else {
            diags.report(Code.WRONG_TYPE, node.span(), "'condition' must be a string or a list of strings, found "
                    + YamlNode.kind(node));
        }
        return out;
    }

    Optional<Selection> selection(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            if (m.entries().isEmpty()) {
                diags.report(Code.EMPTY_DETECTION, m.span(), "empty selection matches nothing");
                return Optional.empty();
            }
            return Optional.of(allOf(m));
        }
        if (node instanceof YamlNode.Seq q) {
            return list(q);
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        if (s.type() == YamlNode.ScalarType.NULL) {
            diags.report(Code.EMPTY_DETECTION, s.span(), "empty selection matches nothing");
            return Optional.empty();
        }
        DetectionItem item = new DetectionItem(Optional.empty(), s.span(), List.of(), List.of(s), false, s.span());
        return Optional.of(new Selection.Keywords(item, s.span()));
    }

    private Optional<Selection> list(YamlNode.Seq q) {
        if (q.items().isEmpty()) {
            diags.report(Code.EMPTY_DETECTION, q.span(), "empty selection matches nothing");
            return Optional.empty();
        }
        List<Selection> alternatives = new ArrayList<>();
        List<YamlNode.Scalar> keywords = new ArrayList<>();
        for (YamlNode item : q.items()) {
            if (item instanceof YamlNode.Scalar s) {
                keywords.add(s);
                continue;
            }
            flushKeywords(keywords, alternatives);
            if (item instanceof YamlNode.Mapping m && !m.entries().isEmpty()) {
                alternatives.add(allOf(m));
            } else {
                diags.report(Code.DETECTION_SHAPE, item.span(), "a selection list holds values or mappings, not "
                        + YamlNode.kind(item));
            }
        }
        flushKeywords(keywords, alternatives);
        if (alternatives.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(alternatives.size() == 1 ? alternatives.get(0) : new Selection.AnyOf(alternatives, q.span()));
    }

    private static void flushKeywords(List<YamlNode.Scalar> keywords, List<Selection> out) {
        if (keywords.isEmpty()) {
            return;
        }
        Span first = keywords.get(0).span();
        out.add(new Selection.Keywords(new DetectionItem(Optional.empty(), first, List.of(), keywords, true, first), first));
        keywords.clear();
    }

    private Selection allOf(YamlNode.Mapping m) {
        List<DetectionItem> items = new ArrayList<>();
        List<Selection.ElementGroup> elements = new ArrayList<>();
        collect(m, items, elements, 0);
        if (items.size() == 1 && elements.isEmpty() && items.get(0).field().isEmpty()) {
            return new Selection.Keywords(items.get(0), m.span());
        }
        return new Selection.AllOf(items, elements, m.span());
    }

    private void collect(YamlNode.Mapping m, List<DetectionItem> items, List<Selection.ElementGroup> elements,
                         int depth) {
        for (YamlNode.Entry e : m.entries()) {
            if (e.key().value().endsWith(ELEMENT) && e.value() instanceof YamlNode.Mapping sub) {
                element(e.key(), sub, depth).ifPresent(elements::add);
            } else {
                item(e).ifPresent(items::add);
            }
        }
    }

    /** {@code array|element: {...}}: detc's same-element extension (see Selection.ElementGroup). */
    private java.util.Optional<Selection.ElementGroup> element(YamlNode.Scalar key, YamlNode.Mapping sub, int depth) {
        String field = key.value().substring(0, key.value().length() - ELEMENT.length());
        if (field.isEmpty() || field.contains("|")) {
            diags.report(Code.DETECTION_SHAPE, key.span(), "'|element' takes a field name and no other modifier,"
                    + " e.g. target|element");
            return Optional.empty();
        }
        if (depth >= MAX_ELEMENT_DEPTH) {
            diags.report(Code.DETECTION_SHAPE, key.span(), "'|element' nests deeper than " + MAX_ELEMENT_DEPTH);
            return Optional.empty();
        }
        if (sub.entries().isEmpty()) {
            diags.report(Code.EMPTY_DETECTION, sub.span(), "'" + key.value() + "' is empty");
            return Optional.empty();
        }
        List<DetectionItem> items = new ArrayList<>();
        List<Selection.ElementGroup> nested = new ArrayList<>();
        collect(sub, items, nested, depth + 1);
        if (items.stream().anyMatch(i -> i.field().isEmpty())) {
            diags.report(Code.DETECTION_SHAPE, sub.span(), "keywords cannot be used inside '|element'");
            return Optional.empty();
        }
        return Optional.of(new Selection.ElementGroup(field, key.span(), items, nested));
    }

    private static final String ELEMENT = "|element";
    private static final int MAX_ELEMENT_DEPTH = 4;

    /** {@code field|mod|mod: value(s)}; an empty field name before the first {@code |} makes a keyword item. */
    private Optional<DetectionItem> item(YamlNode.Entry e) {
        YamlNode.Scalar key = e.key();
        String[] parts = key.value().split("\\|", -1);
        List<DetectionItem.ModifierRef> mods = new ArrayList<>();
        int offset = parts[0].length() + 1;
        for (int i = 1; i < parts.length; i++) {
            Span at = key.locator().span(offset, offset + Math.max(1, parts[i].length()));
            if (parts[i].isEmpty()) {
                diags.report(Code.UNKNOWN_MODIFIER, at, "empty modifier in '" + key.value() + "'");
            } else {
                mods.add(new DetectionItem.ModifierRef(parts[i], at));
            }
            offset += parts[i].length() + 1;
        }
        Optional<String> field = parts[0].isEmpty() ? Optional.empty() : Optional.of(parts[0]);
        if (field.isPresent() && !field.get().equals(field.get().strip())) {
            diags.report(Code.INVALID_FIELD_NAME, key.span(), "field name '" + parts[0]
                    + "' has leading or trailing spaces");
        }
        Span fieldSpan = key.locator().span(0, Math.max(1, parts[0].length()));
        YamlNode v = e.value();
        if (v instanceof YamlNode.Scalar s) {
            return Optional.of(new DetectionItem(field, fieldSpan, mods, List.of(s), false, key.span()));
        }
        if (v instanceof YamlNode.Seq q) {
            List<YamlNode.Scalar> values = new ArrayList<>();
            for (YamlNode item : q.items()) {
                if (item instanceof YamlNode.Scalar s) {
                    values.add(s);
                } else {
                    diags.report(Code.DETECTION_SHAPE, item.span(), "values of '" + key.value()
                            + "' must be plain values, found " + YamlNode.kind(item));
                }
            }
            if (q.items().isEmpty()) {
                diags.report(Code.EMPTY_DETECTION, q.span(), "'" + key.value() + "' has an empty value list,"
                        + " which matches nothing");
                return Optional.empty();
            }
            return values.isEmpty() ? Optional.empty()
                    : Optional.of(new DetectionItem(field, fieldSpan, mods, values, true, key.span()));
        }
        diags.report(Code.DETECTION_SHAPE, v.span(), "the value of '" + key.value() + "' must be a value or a list"
                + " of values, found a mapping", "nested objects are addressed with dotted field names, e.g. actor.id");
        return Optional.empty();
    }
}

package io.detc.rule;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed access to a document's fields: each accessor reports a wrong type (E111) and returns empty. */
final class Fields {
    private final YamlNode.Mapping map;
    private final Diagnostics diags;

    Fields(YamlNode.Mapping map, Diagnostics diags) {
        this.map = map;
        this.diags = diags;
    }

    YamlNode.Mapping map() {
        return map;
    }

    Diagnostics diags() {
        return diags;
    }

    Optional<YamlNode.Scalar> scalar(String key) {
        Optional<YamlNode> n = map.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
            return Optional.of(s);
        }
        wrongType(key, n.get(), "a single value");
        return Optional.empty();
    }

    /** A string field; numbers and booleans are accepted as their text (YAML authors rarely quote them). */
    Optional<String> string(String key) {
        return scalar(key).map(YamlNode.Scalar::value);
    }

    /** A list of strings; a single string is accepted as a one-item list. */
    List<String> strings(String key) {
        Optional<YamlNode> n = map.get(key);
        List<String> out = new ArrayList<>();
        if (n.isEmpty()) {
            return out;
        }
        if (n.get() instanceof YamlNode.Scalar s) {
            if (s.type() != YamlNode.ScalarType.NULL) {
                out.add(s.value());
            }
            return out;
        }
        if (n.get() instanceof YamlNode.Seq q) {
            for (YamlNode item : q.items()) {
                if (item instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
                    out.add(s.value());
                } else {
                    wrongType(key + " item", item, "a string");
                }
            }
            return out;
        }
        wrongType(key, n.get(), "a list of strings");
        return out;
    }

    /** The scalar items of a list field with their spans (for per-item checks such as tags). */
    List<YamlNode.Scalar> scalars(String key) {
        List<YamlNode.Scalar> out = new ArrayList<>();
        map.get(key).ifPresent(n -> {
            if (n instanceof YamlNode.Scalar s) {
                out.add(s);
            } else if (n instanceof YamlNode.Seq q) {
                q.items().stream().filter(i -> i instanceof YamlNode.Scalar)
                        .map(i -> (YamlNode.Scalar) i).forEach(out::add);
            }
        });
        return out;
    }

    Optional<YamlNode.Mapping> mapping(String key) {
        Optional<YamlNode> n = map.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        wrongType(key, n.get(), "a mapping");
        return Optional.empty();
    }

    void wrongType(String key, YamlNode found, String expected) {
        diags.report(Code.WRONG_TYPE, found.span(), "'" + key + "' must be " + expected + ", found "
                + YamlNode.kind(found));
    }

    /** Edit distance, for did-you-mean hints on field names (one implementation: {@link io.detc.value.DidYouMean}). */
    static int distance(String a, String b) {
        return io.detc.value.DidYouMean.distance(a, b);
    }
}

package io.detc.value;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.ir.Matcher;
import io.detc.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the string-transforming modifiers of a chain to one value, left to right as written (spec, "Value
 * Modifiers": "The value modifiers are applied in the given order"), and turns the resulting variants into matchers.
 * A value can become several variants ({@code windash}, {@code base64offset}); they are alternatives (OR).
 *
 * <p>Order matters: {@code |wide|base64offset|contains} encodes to UTF-16, then base64 with offsets, then puts
 * wildcards around each variant, whereas {@code |contains|base64offset} would have to encode wildcards and is an
 * error (E313), as in pySigma.
 */
final class StringChain {
    /** Upper bound on the variants of one value, whatever produced them. */
    static final int MAX_VARIANTS = Windash.MAX_VARIANTS;

    private final ModifierChain chain;
    private final Diagnostics diags;
    private final boolean keyword;

    StringChain(ModifierChain chain, Diagnostics diags, boolean keyword) {
        this.chain = chain;
        this.diags = diags;
        this.keyword = keyword;
    }

    /** The matchers for {@code text} (the parsed value of {@code v}), or empty when an error was reported. */
    Optional<List<Matcher>> lower(Text text, YamlNode.Scalar v) {
        List<Encodings.Encoded> values = List.of(Encodings.Encoded.of(text));
        for (Modifier m : chain.transforms()) {
            Optional<List<Encodings.Encoded>> next = apply(m, values, v);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            values = next.get();
            if (values.size() > MAX_VARIANTS) {
                diags.report(Code.VALUE_TYPE, v.span(), "'" + m.spelling() + "' expands this value into "
                        + values.size() + " variants; the limit is " + MAX_VARIANTS);
                return Optional.empty();
            }
        }
        // spec "Keywords": a keyword is searched across the whole event, so it is found inside a value (every
        // pySigma text backend renders it as *value*), unless the rule says where with a position modifier.
        boolean anywhere = keyword && !chain.has(Modifier.CONTAINS) && !chain.has(Modifier.STARTSWITH)
                && !chain.has(Modifier.ENDSWITH);
        List<Matcher> out = new ArrayList<>();
        for (Encodings.Encoded e : values) {
            Text t = anywhere ? e.text().prepend(Text.Wildcard.ANY_SEQUENCE).append(Text.Wildcard.ANY_SEQUENCE)
                    : e.text();
            Optional<Matcher> m = matcher(t, v);
            if (m.isEmpty()) {
                return Optional.empty();
            }
            if (!out.contains(m.get())) {
                out.add(m.get());
            }
        }
        return Optional.of(out);
    }

    private Optional<List<Encodings.Encoded>> apply(Modifier m, List<Encodings.Encoded> in, YamlNode.Scalar v) {
        List<Encodings.Encoded> out = new ArrayList<>();
        for (Encodings.Encoded e : in) {
            Text t = e.text();
            switch (m) {
                // spec "Generic Modifiers": contains "puts * wildcards around the values"; startswith/endswith one side
                case CONTAINS -> out.add(new Encodings.Encoded(
                        t.prepend(Text.Wildcard.ANY_SEQUENCE).append(Text.Wildcard.ANY_SEQUENCE), e.bytes()));
                case STARTSWITH -> out.add(new Encodings.Encoded(t.append(Text.Wildcard.ANY_SEQUENCE), e.bytes()));
                case ENDSWITH -> out.add(new Encodings.Encoded(t.prepend(Text.Wildcard.ANY_SEQUENCE), e.bytes()));
                case WINDASH -> {
                    Optional<List<Text>> variants = Windash.variants(t);
                    if (variants.isEmpty()) {
                        diags.report(Code.VALUE_TYPE, v.span(), "'windash' would expand this value into "
                                + Windash.count(t) + " variants; the limit is " + Windash.MAX_VARIANTS,
                                "split the value, or match the dashes with a wildcard");
                        return Optional.empty();
                    }
                    variants.get().forEach(x -> out.add(new Encodings.Encoded(x, e.bytes())));
                }
                case BASE64, BASE64OFFSET -> {
                    if (t.hasWildcards()) {
                        diags.report(Code.VALUE_TYPE, v.span(), "'" + m.spelling() + "' cannot encode a value"
                                + " with wildcards", "put contains/startswith/endswith after the encoding, e.g. "
                                + "|base64offset|contains");
                        return Optional.empty();
                    }
                    if (m == Modifier.BASE64OFFSET && Encodings.bytes(e).length < 2) {
                        // With fewer than two bytes some offset has no fixed character: pySigma then emits an empty
                        // variant, which under contains matches every value. Refuse instead.
                        diags.report(Code.VALUE_TYPE, v.span(), "'base64offset' needs a value of at least two bytes;"
                                + " shorter values have no fixed base64 text at every offset");
                        return Optional.empty();
                    }
                    if (m == Modifier.BASE64) {
                        out.add(Encodings.base64(e));
                    } else {
                        out.addAll(Encodings.base64Offsets(e));
                    }
                }
                case UTF16LE -> out.add(Encodings.utf16le(e));
                case UTF16BE -> out.add(Encodings.utf16be(e));
                case UTF16 -> out.add(Encodings.utf16WithBom(e));
                default -> out.add(e); // expand: resolved per variant in matcher()
            }
        }
        return Optional.of(out);
    }

    private Optional<Matcher> matcher(Text t, YamlNode.Scalar v) {
        if (!chain.has(Modifier.EXPAND)) {
            return Optional.of(new Matcher.StringMatch(t, chain.has(Modifier.CASED)));
        }
        Placeholders.Found found = Placeholders.find(t);
        if (found instanceof Placeholders.One one) {
            return Optional.of(new Matcher.Placeholder(one.name(), one.template()));
        }
        diags.report(Code.INVALID_PLACEHOLDER, v.span(), ((Placeholders.Problem) found).message());
        return Optional.empty();
    }
}

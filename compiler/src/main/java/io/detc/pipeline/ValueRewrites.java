package io.detc.pipeline;

import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.source.Span;
import io.detc.value.SigmaString;
import io.detc.value.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The value transformations ({@code map_string}, {@code replace_string}, {@code value_placeholders}): each rewrites
 * the matchers of the {@code FieldMatch} and {@code Keyword} leaves its field conditions select; a value that
 * becomes several is an OR of copies. Inside an {@code Element} the inner leaves are rewritten too, with field
 * conditions tested on their names relative to the element (they are values of the rule like any other).
 *
 * <p>Only string values are touched, as in pySigma ({@code StringValueTransformation}): regexes, numbers, CIDRs
 * and field references stay. {@code replace_string} also leaves placeholders alone, since rewriting a template
 * could break its {@code %name%}.
 */
final class ValueRewrites implements IrRewriter.Leaves {
    /** A matcher's replacements, or empty when it stays as it is. */
    private final BiFunction<Matcher, Span, Optional<List<Matcher>>> rewrite;
    private final FieldConditions fields;

    private ValueRewrites(FieldConditions fields, BiFunction<Matcher, Span, Optional<List<Matcher>>> rewrite) {
        this.fields = fields;
        this.rewrite = rewrite;
    }

    static Predicate mapString(Predicate p, Transformation.MapString t) {
        return IrRewriter.rewrite(p, new ValueRewrites(t.fieldConditions(), (m, span) -> {
            if (!(m instanceof Matcher.StringMatch s)) {
                return Optional.empty();
            }
            // pySigma looks the value up by str(value): its plain notation, wildcards included.
            List<String> targets = t.mapping().get(plain(s.pattern()));
            return Optional.ofNullable(targets).map(ts -> ts.stream()
                    .<Matcher>map(v -> new Matcher.StringMatch(SigmaString.parse(v), s.cased())).toList());
        }));
    }

    static Predicate replaceString(Predicate p, Transformation.ReplaceString t) {
        Pattern regex = Regexes.compile(t.regex());
        return IrRewriter.rewrite(p, new ValueRewrites(t.fieldConditions(), (m, span) -> {
            if (!(m instanceof Matcher.StringMatch s)) {
                return Optional.empty();
            }
            Text out = t.skipSpecial() ? replaceParts(s.pattern(), regex, t) : replaceWhole(s.pattern(), regex, t);
            return out.equals(s.pattern()) ? Optional.empty()
                    : Optional.of(List.of(new Matcher.StringMatch(out, s.cased())));
        }));
    }

    /**
     * Expands placeholders the item handles into the values of {@code vars} (literal text); a placeholder without
     * a variable is reported (E316) and left as it is.
     */
    static Predicate placeholders(Predicate p, Transformation.ValuePlaceholders t, Map<String, List<String>> vars,
                                  List<Diagnostic> diags) {
        return IrRewriter.rewrite(p, new ValueRewrites(t.fieldConditions(), (m, span) -> {
            if (!(m instanceof Matcher.Placeholder ph) || !t.handles(ph.name())) {
                return Optional.empty();
            }
            List<String> values = vars.get(ph.name());
            if (values == null) {
                diags.add(Diagnostic.of(Code.INVALID_PLACEHOLDER, span, "placeholder %" + ph.name() + "% has no"
                        + " value: no pipeline lists it under 'vars'").withHint("add '" + ph.name() + ": [...]' to"
                        + " the vars of a pipeline"));
                return Optional.empty();
            }
            return Optional.of(values.stream()
                    .<Matcher>map(v -> new Matcher.StringMatch(substitute(ph, v), false)).toList());
        }));
    }

    @Override
    public Predicate fieldMatch(Predicate.FieldMatch p) {
        if (!fields.matches(p.field())) {
            return p;
        }
        return rewrite.apply(p.matcher(), p.span()).map(ms -> IrRewriter.any(ms.stream()
                .<Predicate>map(m -> new Predicate.FieldMatch(p.field(), m, p.span())).toList())).orElse(p);
    }

    @Override
    public Predicate keyword(Predicate.Keyword p) {
        if (!fields.matchesKeyword()) {
            return p;
        }
        return rewrite.apply(p.matcher(), p.span()).map(ms -> IrRewriter.any(ms.stream()
                .<Predicate>map(m -> new Predicate.Keyword(m, p.span())).toList())).orElse(p);
    }

    @Override
    public Predicate element(Predicate.Element p) {
        return new Predicate.Element(p.field(), IrRewriter.rewrite(p.inner(), this), p.span());
    }

    /**
     * pySigma's {@code str(SigmaString)}: wildcards as {@code *} and {@code ?}, literal stars and question marks
     * escaped, backslashes as they are.
     */
    static String plain(Text t) {
        StringBuilder b = new StringBuilder();
        for (Text.Part part : t.parts()) {
            if (part == Text.Wildcard.ANY_SEQUENCE) {
                b.append('*');
            } else if (part == Text.Wildcard.ANY_CHAR) {
                b.append('?');
            } else {
                b.append(((Text.Literal) part).text().replace("*", "\\*").replace("?", "\\?"));
            }
        }
        return b.toString();
    }

    /** pySigma without {@code skip_special}: replace in the plain notation, double lone backslashes, re-read. */
    private static Text replaceWhole(Text t, Pattern regex, Transformation.ReplaceString r) {
        String plain = plain(t);
        if (!regex.matcher(plain).find()) {
            return t; // no round trip through the notation, which is ambiguous for a backslash before a wildcard
        }
        String replaced = Regexes.sub(regex, r.replacement(), plain);
        return SigmaString.parse(replaced.replaceAll("\\\\(?![*?])", "\\\\\\\\"));
    }

    /** pySigma with {@code skip_special}: literal parts only; their results read as Sigma strings on request. */
    private static Text replaceParts(Text t, Pattern regex, Transformation.ReplaceString r) {
        List<Text.Part> parts = new ArrayList<>();
        for (Text.Part part : t.parts()) {
            if (part instanceof Text.Literal l) {
                String replaced = Regexes.sub(regex, r.replacement(), l.text());
                parts.addAll((r.interpretSpecial() ? SigmaString.parse(replaced) : Text.literal(replaced)).parts());
            } else {
                parts.add(part);
            }
        }
        return new Text(parts);
    }

    /** The placeholder's template with its {@code %name%} spelling replaced by {@code value}, as literal text. */
    private static Text substitute(Matcher.Placeholder ph, String value) {
        String spelled = "%" + ph.name() + "%";
        List<Text.Part> parts = new ArrayList<>();
        for (Text.Part part : ph.template().parts()) {
            if (part instanceof Text.Literal l) {
                parts.addAll(Text.literal(l.text().replace(spelled, value)).parts());
            } else {
                parts.add(part);
            }
        }
        return new Text(parts);
    }
}

package io.detc.backend.spl;

import com.google.re2j.Pattern;
import io.detc.ir.Matcher;
import io.detc.source.Span;
import io.detc.value.Cidrs;
import io.detc.value.Text;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The SPL forms of one field test (see {@link SplPart}). Any-value semantics: a string or regex test uses
 * {@code mvfind}, which looks at every value of a multivalue field and returns NULL when none matches; other tests
 * use {@code mvfilter}, which keeps the values satisfying a predicate that names only that field. Both hold when one
 * value does, as Sigma's "an array matches when one element does", and both are FALSE (never NULL) on a missing
 * field.
 */
final class SplLeaves {
    /** Sigma's number grammar: a string is a number only when it is wholly this. */
    private static final String NUMBER = "\\A-?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\z";

    private final SplEscaper e = SplEscaper.INSTANCE;
    private final SplNotes notes;

    SplLeaves(SplNotes notes) {
        this.notes = notes;
    }

    /** {@code isnotnull(mvfind(values, regex))}: some value matches the PCRE pattern. */
    String anyMatch(SplField f, String pcre) {
        return "isnotnull(mvfind(" + f.eval() + ", " + e.regex(pcre) + "))";
    }

    /** Some value satisfies {@code predicate} (written over {@code f.eval()}); TRUE or FALSE, never NULL. */
    String anyValue(SplField f, UnaryOperator<String> predicate, Span span, String what) {
        if (!f.inElement()) {
            return "(coalesce(mvcount(mvfilter(" + predicate.apply(f.eval()) + ")), 0) > 0)";
        }
        if (f.multivalue()) {
            notes.unsupported(span, what + " on an array inside a same-element group (" + f.path() + ")");
        }
        return "(if(" + predicate.apply(f.eval()) + ", 1, 0)=1)";
    }

    SplPart string(SplField f, Matcher.StringMatch m, Span span) {
        Text t = m.pattern();
        String glob = SplPatterns.glob(t, m.cased());
        boolean nullText = java.util.regex.Pattern.compile(glob).matcher("null").find();
        String eval = anyMatch(f, nullText ? SplPatterns.withoutNullText(glob) : glob);
        if (nullText) {
            nullText(span);
        }
        if (!m.cased() && hasCasedNonAscii(t)) {
            notes.approximated(span, "case-insensitive matching of the non-ASCII letters in '" + t.toSigma()
                    + "' uses PCRE's Unicode case folding, which differs from Sigma's rule for a few letters"
                    + " (U+0130, U+0131)");
        }
        Optional<String> prefilter = f.search().flatMap(n -> e.searchPrefilter(t).map(v -> n + "=" + v));
        if (!m.cased() && !nullText && f.search().isPresent()) {
            Optional<String> value = e.searchValue(t);
            if (value.isPresent()) {
                return SplPart.fieldEquals(eval, f.search().get(), value.get());
            }
        }
        return SplPart.withPrefilter(eval, prefilter);
    }

    SplPart regex(SplField f, Matcher.RegexMatch m, Span span) {
        SplRegex.Result r = SplRegex.translate(m.pattern(), m.flags());
        r.approximations().forEach(a -> notes.approximated(span, a));
        if (r.unsupported().isPresent()) {
            notes.unsupported(span, "the regular expression construct " + r.unsupported().get());
            return SplPart.evalOnly("false()");
        }
        int flags = (m.flags().contains(Matcher.RegexFlag.IGNORE_CASE) ? Pattern.CASE_INSENSITIVE : 0)
                | (m.flags().contains(Matcher.RegexFlag.MULTILINE) ? Pattern.MULTILINE : 0)
                | (m.flags().contains(Matcher.RegexFlag.DOTALL) ? Pattern.DOTALL : 0);
        if (Pattern.compile(m.pattern(), flags).matcher("null").find()) {
            nullText(span);
            return SplPart.evalOnly(anyMatch(f, SplPatterns.withoutNullText(r.pcre().get())));
        }
        return SplPart.evalOnly(anyMatch(f, r.pcre().get()));
    }

    SplPart cidr(SplField f, Matcher.CidrMatch m, Span span) {
        String net = Cidrs.format(m.network());
        String mapped = null;
        if (!m.network().isIpv6()) {
            // Sigma reads ::ffff:a.b.c.d as its IPv4 host; Splunk's cidrmatch does not, so ask for it explicitly.
            BigInteger v6 = m.network().network().add(BigInteger.valueOf(0xffffL).shiftLeft(32));
            mapped = Cidrs.formatAddress(v6, 128) + "/" + (m.network().prefix() + 96);
        }
        String m6 = mapped;
        return SplPart.evalOnly(anyValue(f, v -> m6 == null ? "cidrmatch(" + e.literal(net) + ", " + v + ")"
                : "(cidrmatch(" + e.literal(net) + ", " + v + ") OR cidrmatch(" + e.literal(m6) + ", " + v + "))",
                span, "a network test"));
    }

    SplPart number(SplField f, Matcher.NumberCompare m, Span span) {
        String op = switch (m.op()) {
            case EQ -> "=";
            case LT -> "<";
            case LTE -> "<=";
            case GT -> ">";
            case GTE -> ">=";
        };
        String n = m.value().toPlainString();
        UnaryOperator<String> p = v -> {
            String numeric = "(match(" + v + ", " + e.regex(NUMBER) + ") AND tonumber(" + v + ") " + op + " " + n + ")";
            if (m.op() != Matcher.CompareOp.EQ || m.literal().equals(n)) {
                return numeric;
            }
            // Sigma: equality also holds for a string that is the rule's number as written (0x10), ignoring case.
            return "(" + numeric + " OR match(" + v + ", " + e.regex("(?i)\\A" + SplEscaper.quoteRegex(m.literal())
                    + "\\z") + "))";
        };
        return SplPart.evalOnly(anyValue(f, p, span, "a numeric comparison"));
    }

    SplPart bool(SplField f, Matcher.BoolEquals m) {
        String word = m.value() ? "true" : "false";
        String eval = anyMatch(f, "(?i)\\A" + word + "\\z");
        return f.search().isPresent() && !f.inElement()
                ? SplPart.fieldEquals(eval, f.search().get(), e.literal(word)) : SplPart.evalOnly(eval);
    }

    SplPart isNull(SplField f, Span span) {
        notes.approximated(span, "null: Splunk's JSON extraction reads a JSON null as the text \"null\" and keeps no"
                + " field for {}, so a field holding the string \"null\" or an empty object counts as null too");
        if (f.inElement()) {
            return SplPart.evalOnly("(if(isnull(" + f.eval() + ") OR " + f.eval() + "==" + e.literal("null")
                    + ", 1, 0)=1)");
        }
        return SplPart.evalOnly("(coalesce(mvcount(mvfilter(" + f.eval() + "!=" + e.literal("null") + ")), 0)=0)");
    }

    SplPart exists(SplField f, Span span) {
        notes.approximated(span, "exists: Splunk extracts only leaf values, so a field whose value is an object,"
                + " [] or {} is not seen as present");
        return SplPart.evalOnly("isnotnull(" + f.eval() + ")");
    }

    SplPart keyword(Matcher m, Span span) {
        if (!(m instanceof Matcher.StringMatch s)) {
            notes.unsupported(span, "a keyword that is not a string pattern");
            return SplPart.evalOnly("false()");
        }
        notes.approximated(span, "keywords are searched in the raw JSON text (_raw) as quoted string values:"
                + " characters the exporter escapes (\\uXXXX, \\/) are not recognised");
        return SplPart.evalOnly("match(_raw, " + e.regex(SplKeywords.rawRegex(s.pattern(), s.cased())) + ")");
    }

    /** A pattern that matches the text null: the query leaves that text out, as a JSON null satisfies no test. */
    private void nullText(Span span) {
        notes.approximated(span, "Splunk's JSON extraction reads a JSON null as the text \"null\", which this"
                + " pattern would match; the query leaves that text out, so a string \"null\" does not match either");
    }

    private static boolean hasCasedNonAscii(Text t) {
        return t.parts().stream().filter(p -> p instanceof Text.Literal).map(p -> ((Text.Literal) p).text())
                .anyMatch(s -> s.codePoints().anyMatch(c -> c > 0x7f
                        && (Character.toUpperCase(c) != c || Character.toLowerCase(c) != c
                        || Character.isTitleCase(c))));
    }
}

package io.detc.backend.spl;

import io.detc.ir.Matcher;
import io.detc.source.Span;

/**
 * Field references ({@code fieldref}) and time parts ({@code hour}, {@code day}, ...) in SPL.
 *
 * <p>Field references: equality holds when the two fields share a value, which multivalue functions can test
 * without iterating pairs: with duplicates removed on each side, the union of both is smaller than the two counts
 * added. Case-insensitive comparison lower-cases both sides with {@code mvmap(x, lower(x))}. Prefix, suffix and
 * containment compare one value with one value, so they need both fields single-valued.
 *
 * <p>Time parts are read from the text, where Sigma reads them (the timestamp's own offset, no conversion): the
 * value must be wholly a timestamp of Sigma's grammar (checked by one regular expression that also rejects dates
 * that do not exist), and the part is the digits at its fixed position.
 */
final class SplComparisons {
    private static final String LEAP = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
            + "-02-29";
    private static final String DATE = "(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
            + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|" + LEAP + ")";
    private static final String TIME = "[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60)(?:[.,][0-9]+)?)?"
            + "(?:[Zz]|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)?";

    private final SplEscaper e = SplEscaper.INSTANCE;
    private final SplLeaves leaves;
    private final SplNotes notes;

    SplComparisons(SplLeaves leaves, SplNotes notes) {
        this.leaves = leaves;
        this.notes = notes;
    }

    SplPart fieldRef(SplField a, SplField b, Matcher.FieldRef m, Span span) {
        notes.approximated(span, "fieldref compares the values as Splunk extracted them: a JSON null is the text"
                + " \"null\" (so two null fields are equal)" + (m.cased() ? "" : ", and case is folded with"
                + " lower(), which may differ from Sigma's rule outside ASCII"));
        if (m.op() == Matcher.RefOp.EQUALS && !a.inElement()) {
            String x = m.cased() ? a.eval() : "mvmap(" + a.eval() + ", lower(" + a.eval() + "))";
            String y = m.cased() ? b.eval() : "mvmap(" + b.eval() + ", lower(" + b.eval() + "))";
            return SplPart.evalOnly("(coalesce(mvcount(mvdedup(" + x + ")) + mvcount(mvdedup(" + y + "))"
                    + " - mvcount(mvdedup(mvappend(" + x + ", " + y + "))), 0) > 0)");
        }
        if (a.multivalue() || b.multivalue()) {
            notes.unsupported(span, "fieldref " + m.op().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " between fields that may hold several values (" + a.path() + ", " + b.path() + ")");
            return SplPart.evalOnly("false()");
        }
        String x = m.cased() ? a.eval() : "lower(" + a.eval() + ")";
        String y = m.cased() ? b.eval() : "lower(" + b.eval() + ")";
        String test = switch (m.op()) {
            case EQUALS -> x + "==" + y;
            case STARTS_WITH -> "len(" + y + ") <= len(" + x + ") AND substr(" + x + ", 1, len(" + y + "))==" + y;
            case ENDS_WITH -> "len(" + y + ") <= len(" + x + ") AND (len(" + y + ")=0 OR substr(" + x + ", len("
                    + x + ") - len(" + y + ") + 1)==" + y + ")";
            case CONTAINS -> "len(" + y + ")=0 OR mvcount(split(" + x + ", " + y + ")) > 1";
        };
        return SplPart.evalOnly("(if(isnotnull(" + x + ") AND isnotnull(" + y + ") AND (" + test + "), 1, 0)=1)");
    }

    SplPart time(SplField f, Matcher.TimePart m, Span span) {
        boolean needsTime = m.unit() == Matcher.TimeUnit.HOUR || m.unit() == Matcher.TimeUnit.MINUTE;
        String shape = "\\A" + DATE + (needsTime ? TIME : "(?:" + TIME + ")?") + "\\z";
        String op = switch (m.op()) {
            case EQ -> "=";
            case LT -> "<";
            case LTE -> "<=";
            case GT -> ">";
            case GTE -> ">=";
        };
        return SplPart.evalOnly(leaves.anyValue(f, v -> "(match(" + v + ", " + e.regex(shape) + ") AND "
                + part(v, m.unit(), span) + " " + op + " " + m.value() + ")", span, "a time-part test"));
    }

    private String part(String v, Matcher.TimeUnit unit, Span span) {
        return switch (unit) {
            case YEAR -> "tonumber(substr(" + v + ", 1, 4))";
            case MONTH -> "tonumber(substr(" + v + ", 6, 2))";
            case DAY -> "tonumber(substr(" + v + ", 9, 2))";
            case HOUR -> "tonumber(substr(" + v + ", 12, 2))";
            case MINUTE -> "tonumber(substr(" + v + ", 15, 2))";
            case WEEK -> {
                notes.approximated(span, "week: the ISO week comes from strftime(%V) of the date read by"
                        + " strptime in the search's time zone");
                yield "tonumber(strftime(strptime(substr(" + v + ", 1, 10), " + e.literal("%Y-%m-%d") + "), "
                        + e.literal("%V") + "))";
            }
        };
    }
}

package io.detc.backend.kql;

import io.detc.backend.Escaper;
import java.util.List;
import java.util.Set;

/**
 * The only code that puts rule text into KQL: string literals, regex literals, identifiers and dynamic property
 * paths. Spec: learn.microsoft.com/kusto/query/scalar-data-types/string ("string literals", "verbatim string
 * literals") and .../schema-entities/entity-names ("identifier quoting").
 *
 * <p>String literals never contain a raw line break (KQL string literals cannot span lines) or a raw control,
 * format, line-separator or surrogate character (they could hide text from a reviewer, e.g. a right-to-left
 * override): those are written as {@code \\uXXXX} escapes, which Kusto decodes as UTF-16 units. Text with a
 * backslash and nothing that needs an escape is written verbatim ({@code @"C:\Windows"}, the readable form for
 * regular expressions); everything else as a regular {@code "..."} literal with {@code \\}, {@code \"},
 * {@code \n}, {@code \r}, {@code \t} and {@code \\uXXXX} escapes. The round trip (literal decoded by Microsoft's
 * parser equals the input) is proven by the tests over testdata/strings/nasty.txt and random strings.
 */
public final class KqlEscaper implements Escaper {
    public static final KqlEscaper INSTANCE = new KqlEscaper();

    /**
     * Words Kusto's parser does not accept as a bare name or after a {@code .} (read from Kusto.Language 12.4.1:
     * every keyword token whose text is an identifier, plus {@code true}/{@code false}); such names are quoted.
     */
    private static final Set<String> KEYWORDS = Set.copyOf(List.of(
            "accumulate", "and", "anomalychart", "areachart", "as", "asc", "bagexpansion", "barchart", "between",
            "bin_legacy", "boolean", "by", "byte", "cachingpolicy", "callout", "cancel", "card", "char",
            "columnchart", "contains", "contains_cs", "containscs", "cycles", "dataexport", "datascope",
            "datatable", "date", "datetime", "decimal", "decodeblocks", "desc", "double", "dynamic", "earliest",
            "encodingpolicy", "endswith", "endswith_cs", "expandoutput", "extent_tags_retention", "external_data",
            "externaldata", "false", "find", "first", "flags", "float", "force_remote", "harddelete",
            "hardretention", "has", "has_all", "has_any", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix",
            "hassuffix_cs", "hotcache", "in", "int", "int16", "int32", "int64", "int8", "invoke", "isfuzzy",
            "journal", "kind", "ladderchart", "last", "latest", "like", "likecs", "linechart", "long",
            "materialize", "mdm", "missing", "nooptimization", "notcontains", "notcontainscs", "notlike",
            "notlikecs", "of", "or", "others", "pathformat", "piechart", "pivotchart", "print", "project",
            "queries", "query_results", "real", "relaxed", "restricted_view_access", "row_level_security",
            "rowstore", "rowstore_references", "rowstore_sealinfo", "rowstorepolicy", "rowstores", "sample",
            "scatterchart", "seal", "seals", "search", "set", "shards", "simple", "softdelete", "softretention",
            "sql", "stackedareachart", "startswith", "startswith_cs", "statistics", "storedqueryresultcontainers",
            "string", "tablepurge", "time", "timechart", "timeline", "timepivot", "timespan", "title", "to",
            "toscalar", "totable", "treemap", "true", "uint", "uint16", "uint32", "uint64", "uint8", "ulong",
            "union", "uniqueid", "unrestrictedviewers", "verbose", "viewers", "views", "where", "with_itemindex",
            "with_match_id", "with_source", "with_step_name", "withsource", "writeaheadlog"));

    private KqlEscaper() {
    }

    /** A complete string literal whose value is exactly {@code raw}. */
    @Override
    public String literal(String raw) {
        boolean backslash = raw.indexOf('\\') >= 0;
        boolean needsEscape = raw.codePoints().anyMatch(KqlEscaper::needsEscape);
        if (backslash && !needsEscape) {
            // Verbatim: the backslash stands for itself; a double quote is doubled.
            return "@\"" + raw.replace("\"", "\"\"") + "\"";
        }
        return escaped(raw, '"');
    }

    /** A regular expression (RE2 syntax, which Kusto runs as is) as a string literal. */
    public String regex(String pattern) {
        return literal(pattern);
    }

    /** A column or other name: bare when it is a plain identifier and no keyword, else {@code ['name']}. */
    @Override
    public String identifier(String name) {
        return isPlain(name) ? name : "[" + quoted(name) + "]";
    }

    /**
     * A property of a dynamic value: {@code base.key} for a plain key, {@code base['weird key']} otherwise. Keys
     * are matched case-sensitively by Kusto, as detc's key-case policy requires.
     */
    public String property(String base, String key) {
        return isPlain(key) ? base + "." + key : base + "[" + quoted(key) + "]";
    }

    /** {@code base} followed by each key of {@code keys} as a property access. */
    public String path(String base, List<String> keys) {
        String out = base;
        for (String k : keys) {
            out = property(out, k);
        }
        return out;
    }

    /** Whether {@code name} can be written without quotes. */
    public static boolean isPlain(String name) {
        if (name.isEmpty() || KEYWORDS.contains(name)) {
            return false;
        }
        char first = name.charAt(0);
        if (!(first == '_' || first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** A single-quoted literal, the form bracketed names take ({@code ['a b']}). */
    private static String quoted(String raw) {
        return escaped(raw, '\'');
    }

    /** A regular literal in {@code quote}s: the escapes Kusto documents, and {@code \\uXXXX} for the rest. */
    private static String escaped(String raw, char quote) {
        StringBuilder b = new StringBuilder(raw.length() + 2).append(quote);
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '\\') {
                b.append("\\\\");
            } else if (cp == quote) {
                b.append('\\').append(quote);
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (needsEscape(cp)) {
                for (int k = i; k < i + n; k++) {
                    b.append(String.format("\\u%04x", (int) raw.charAt(k)));
                }
            } else {
                b.append(raw, i, i + n);
            }
            i += n;
        }
        return b.append(quote).toString();
    }

    /**
     * Characters written as an escape: controls (C0, DEL, C1; line breaks included), format characters (bidi
     * overrides, zero-width), the line and paragraph separators, lone surrogates, and
     * unassigned code points.
     */
    private static boolean needsEscape(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }
}

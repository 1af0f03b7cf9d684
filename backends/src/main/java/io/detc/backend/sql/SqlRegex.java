package io.detc.backend.sql;

import io.detc.backend.sql.SqlRegexNode.Alt;
import io.detc.backend.sql.SqlRegexNode.Group;
import io.detc.backend.sql.SqlRegexNode.Lit;
import io.detc.backend.sql.SqlRegexNode.Repeat;
import io.detc.backend.sql.SqlRegexNode.Seq;
import io.detc.backend.sql.SqlRegexNode.Unsupported;
import io.detc.ir.Matcher.RegexFlag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an RE2 pattern (the evaluator's syntax, already validated by RE2/J) into a small tree, to answer two
 * questions: can it match inside the text of a JSON number ({@link #mayMatchNumberText}), and what is the same
 * pattern in PostgreSQL's ARE syntax ({@link #postgres}), if there is one.
 *
 * <p>RE2 and ARE agree on what a pattern matches only where this class translates explicitly
 * (PostgreSQL 14 docs 9.7.3; RE2 syntax wiki):
 * <ul>
 *   <li>{@code \d \s \w} are ASCII in RE2 and locale classes in ARE: written as explicit ASCII sets;</li>
 *   <li>{@code .} does not match a newline in RE2 unless {@code s}; in ARE it does: written {@code [^\n]};</li>
 *   <li>{@code m} makes {@code ^ $} match at line breaks: ARE's inverse partial newline mode {@code (?w)}, which
 *       leaves {@code .} and brackets alone;</li>
 *   <li>{@code \z} is ARE's {@code \Z}, {@code \x41} is a four-digit u-escape (ARE's {@code \x} takes every hex
 *       digit that follows), bracket members other than letters and digits are written as four-digit u-escapes;</li>
 *   <li>repeat counts above 255 (ARE's limit), flag groups after the start, Unicode classes ({@code \pL}), POSIX
 *       classes and negated shorthands inside brackets have no translation here: unsupported;</li>
 *   <li>approximated: {@code i} (PostgreSQL folds case by the C library's tables, RE2 by Unicode simple folding, so
 *       the Kelvin sign and the long s differ) and {@code \b \B} (ARE's word characters follow the locale).</li>
 * </ul>
 * Greediness never changes whether a match exists, so lazy quantifiers translate as they are.
 */
public final class SqlRegex {
    private SqlRegex() {
    }

    /** The characters of a JSON number's text: digits, signs, the point and the exponent letter. */
    private static final String NUMBER_CHARS = "0123456789+-.eE";

    /**
     * Whether the regex might match inside the text of a JSON number with a fraction or exponent: false only when
     * every match needs a character no number text has (so the engines' spelling of such numbers cannot matter).
     * Public because the OpenSearch backend asks the same question of its regexes (it sees numbers as written).
     */
    public static boolean mayMatchNumberText(String pattern, Set<RegexFlag> flags) {
        try {
            SqlRegexNode n = new SqlRegexParser(pattern).parse();
            for (int cp : required(n)) {
                if (NUMBER_CHARS.indexOf(cp) < 0 && NUMBER_CHARS.indexOf(SqlFunctions.fold(cp)) < 0) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The PostgreSQL test {@code text ~ 'are'}, approximated or unsupported as the class comment says. */
    static SqlDialect.Regex postgres(String text, String pattern, Set<RegexFlag> flags, SqlEscaper escaper) {
        SqlRegexNode n;
        SqlRegexParser parser = new SqlRegexParser(pattern);
        try {
            n = parser.parse();
        } catch (Unsupported u) {
            return SqlDialect.Regex.unsupported("the regular expression /" + pattern + "/ in PostgreSQL: "
                    + u.getMessage());
        } catch (RuntimeException e) {
            return SqlDialect.Regex.unsupported("the regular expression /" + pattern + "/ in PostgreSQL: it could"
                    + " not be translated (" + e.getMessage() + ")");
        }
        Set<RegexFlag> all = EnumSet.noneOf(RegexFlag.class);
        all.addAll(flags);
        all.addAll(parser.leadingFlags);
        List<String> approximations = new ArrayList<>();
        SqlRegexAre are = new SqlRegexAre(all.contains(RegexFlag.DOTALL), approximations);
        String body;
        try {
            body = are.render(n);
        } catch (Unsupported u) {
            return SqlDialect.Regex.unsupported("the regular expression /" + pattern + "/ in PostgreSQL: "
                    + u.getMessage());
        }
        StringBuilder opts = new StringBuilder();
        if (all.contains(RegexFlag.MULTILINE)) {
            opts.append('w');
        }
        if (all.contains(RegexFlag.IGNORE_CASE)) {
            opts.append('i');
            approximations.add(0, "the regex flag i in PostgreSQL: case is folded by the C library's tables, not"
                    + " RE2's Unicode simple folding (the Kelvin sign, the long s and some other letters differ)");
        }
        String are2 = (opts.length() == 0 ? "" : "(?" + opts + ")") + body;
        String sql = "(" + text + " ~ " + escaper.literal(are2) + ")";
        return approximations.isEmpty() ? SqlDialect.Regex.exact(sql)
                : SqlDialect.Regex.approximated(sql, String.join("; ", approximations));
    }

    private static Set<Integer> required(SqlRegexNode n) {
        if (n instanceof Lit l) {
            return Set.of(l.cp());
        }
        if (n instanceof Seq s) {
            Set<Integer> out = new HashSet<>();
            s.items().forEach(i -> out.addAll(required(i)));
            return out;
        }
        if (n instanceof Alt a) {
            Set<Integer> out = null;
            for (SqlRegexNode x : a.alternatives()) {
                Set<Integer> r = new HashSet<>(required(x));
                if (out == null) {
                    out = r;
                } else {
                    out.retainAll(r);
                }
            }
            return out == null ? Set.of() : out;
        }
        if (n instanceof Repeat r) {
            return r.min() == 0 ? Set.of() : required(r.atom());
        }
        if (n instanceof Group g) {
            return required(g.body());
        }
        return Set.of();
    }

    /** For tests: the ARE text of a pattern, or empty when unsupported. */
    static Optional<String> are(String pattern, Set<RegexFlag> flags) {
        SqlDialect.Regex r = postgres("t", pattern, flags, PostgresDialect.INSTANCE.escaper());
        return r.sql();
    }
}

package io.detc.backend.sql;

import io.detc.backend.sql.SqlRegexNode.Alt;
import io.detc.backend.sql.SqlRegexNode.Anchor;
import io.detc.backend.sql.SqlRegexNode.Cls;
import io.detc.backend.sql.SqlRegexNode.Dot;
import io.detc.backend.sql.SqlRegexNode.Group;
import io.detc.backend.sql.SqlRegexNode.Lit;
import io.detc.backend.sql.SqlRegexNode.Repeat;
import io.detc.backend.sql.SqlRegexNode.Seq;
import io.detc.backend.sql.SqlRegexNode.Unsupported;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link SqlRegexNode} tree in PostgreSQL's ARE syntax, collecting what it only approximates. */
final class SqlRegexAre {
    private final boolean dotAll;
    private final List<String> approximations;

    SqlRegexAre(boolean dotAll, List<String> approximations) {
        this.dotAll = dotAll;
        this.approximations = approximations;
    }

    String render(SqlRegexNode n) {
        if (n instanceof Alt a) {
            List<String> out = new ArrayList<>();
            a.alternatives().forEach(x -> out.add(render(x)));
            return String.join("|", out);
        }
        if (n instanceof Seq s) {
            StringBuilder b = new StringBuilder();
            s.items().forEach(x -> b.append(render(x)));
            return b.toString();
        }
        if (n instanceof Group g) {
            return "(?:" + render(g.body()) + ")";
        }
        if (n instanceof Repeat r) {
            String atom = render(r.atom());
            boolean single = r.atom() instanceof Lit || r.atom() instanceof Cls || r.atom() instanceof Dot
                    || r.atom() instanceof Group;
            String a = single ? atom : "(?:" + atom + ")";
            if (r.max() <= 255 && r.min() <= 255) {
                return a + r.suffix();
            }
            // ARE counts at most 255 (DUPMAX): x{n,m} is x{n} then up to m-n more, each run split in parts of
            // at most 255; any count in [n, m] is such a sum, so the language is the same.
            String lazy = r.suffix().endsWith("?") && !r.suffix().equals("?") ? "?" : "";
            StringBuilder b = new StringBuilder();
            for (int left = r.min(); left > 0; left -= 255) {
                b.append(a).append('{').append(Math.min(255, left)).append('}');
            }
            if (r.max() < 0) {
                b.append(a).append('*').append(lazy);
            } else {
                for (int left = r.max() - r.min(); left > 0; left -= 255) {
                    b.append(a).append("{0,").append(Math.min(255, left)).append('}').append(lazy);
                }
            }
            return "(?:" + b + ")";
        }
        if (n instanceof Lit l) {
            int cp = l.cp();
            if ("\\^$.[]|()*+?{}".indexOf(cp) >= 0) {
                return "\\" + (char) cp;
            }
            if (cp < 0x20 || cp == 0x7f || SqlEscaper.needsChr(cp)) {
                return unicodeEscape(cp);
            }
            return new String(Character.toChars(cp));
        }
        if (n instanceof Cls c) {
            if (c.are() == null) {
                throw new Unsupported(c.why());
            }
            return c.are();
        }
        if (n instanceof Dot) {
            return dotAll ? "." : "[^\\n]";
        }
        Anchor a = (Anchor) n;
        return switch (a.re2()) {
            case "^" -> "^";
            case "$" -> "$";
            case "\\A" -> "\\A";
            case "\\z" -> "\\Z";
            case "\\b", "\\B" -> {
                approximations.add("\\b and \\B in PostgreSQL: word characters follow the database locale, RE2's"
                        + " are ASCII [0-9A-Za-z_]");
                yield a.re2().equals("\\b") ? "\\y" : "\\Y";
            }
            default -> throw new Unsupported(a.re2());
        };
    }

    static String unicodeEscape(int cp) {
        return cp <= 0xFFFF ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }
}

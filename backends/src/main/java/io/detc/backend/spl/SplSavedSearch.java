package io.detc.backend.spl;

import io.detc.Compilation;
import io.detc.backend.Fidelity;
import io.detc.check.LinkCheck;
import io.detc.diag.Diagnostics;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.RuleRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A savedsearches.conf stanza for one compiled document: a scheduled search (every 15 minutes, over the last 15
 * minutes with a 5-minute delay for late events; correlations look back their timespan further, absence twice) that
 * alerts when it returns results.
 *
 * <p>savedsearches.conf rules (spec file savedsearches.conf.spec): one {@code key = value} per line; a value goes on
 * over several lines when each line but the last ends with a backslash; surrounding blanks are trimmed. So a value's
 * line breaks become backslash continuations, a line that would end in a literal backslash gets a trailing space
 * (so it is not read as a continuation), and control characters become spaces. The stanza name is one line without
 * brackets ({@code [} and {@code ]} become parentheses).
 */
final class SplSavedSearch {
    private static final Map<String, Integer> SEVERITY = Map.of("informational", 2, "low", 3, "medium", 4,
            "high", 5, "critical", 6);

    private SplSavedSearch() {
    }

    static String stanza(Compilation compilation, Document d, String query, Fidelity fidelity) {
        List<String> out = new ArrayList<>();
        out.add("# detc: " + line(d.key()) + " (" + fidelity.label() + ")");
        List<String> feeds = feeds(compilation, d);
        if (!feeds.isEmpty()) {
            out.add("# building block of " + line(String.join(", ", feeds))
                    + " (generate: false): not scheduled on its own");
        }
        out.add("[" + line(d.meta().title()).replace('[', '(').replace(']', ')') + "]");
        d.meta().description().ifPresent(desc -> out.add(value("description", desc)));
        out.add(value("search", query));
        Duration look = lookback(d, LinkCheck.check(compilation.documents(), new Diagnostics()), 0);
        out.add("dispatch.earliest_time = -" + (look.toMinutes() + 20) + "m@m");
        out.add("dispatch.latest_time = -5m@m");
        out.add("cron_schedule = */15 * * * *");
        out.add("enableSched = 1");
        if (!feeds.isEmpty()) {
            out.add("disabled = 1");
        }
        out.add("counttype = number of events");
        out.add("relation = greater than");
        out.add("quantity = 0");
        out.add("alert.track = 1");
        out.add("alert.severity = " + SEVERITY.getOrDefault(d.meta().level().orElse("medium")
                .toLowerCase(Locale.ROOT), 3));
        if (d instanceof Correlation c && c.timespan().isPresent()) {
            out.add("alert.suppress = 1");
            out.add("alert.suppress.period = " + c.timespan().get().toSeconds() + "s");
        }
        out.add("action.correlationsearch.enabled = 1");
        out.add(value("action.correlationsearch.label", d.meta().title()));
        return String.join("\n", out) + "\n";
    }

    /** How far back a run must read: each correlation's timespan (twice for absence) along its deepest chain. */
    private static Duration lookback(Document d, LinkCheck.Index index, int depth) {
        if (!(d instanceof Correlation c) || c.timespan().isEmpty() || depth > 32) {
            return Duration.ZERO;
        }
        Duration own = c.expression().isPresent() ? c.timespan().get().multipliedBy(2) : c.timespan().get();
        Duration inner = Duration.ZERO;
        for (RuleRef r : c.rules()) {
            Duration x = index.resolve(r.target()).map(t -> lookback(t, index, depth + 1)).orElse(Duration.ZERO);
            inner = x.compareTo(inner) > 0 ? x : inner;
        }
        return own.plus(inner);
    }

    /** The correlations that name {@code d} and keep its own alerts off (none of them with generate: true). */
    private static List<String> feeds(Compilation compilation, Document d) {
        List<String> quiet = new ArrayList<>();
        boolean generated = false;
        for (Document o : compilation.documents()) {
            if (o instanceof Correlation c && c.rules().stream().map(RuleRef::target).anyMatch(t -> names(d, t))) {
                if (c.generate()) {
                    generated = true;
                } else {
                    quiet.add(c.key());
                }
            }
        }
        return generated ? List.of() : quiet;
    }

    static boolean names(Document d, String ref) {
        return d.meta().id().map(ref::equals).orElse(false) || d.meta().name().map(ref::equals).orElse(false);
    }

    /** {@code key = value}, the value's lines joined by backslash continuations. */
    static String value(String key, String value) {
        String[] lines = value.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder b = new StringBuilder(key).append(" = ");
        for (int i = 0; i < lines.length; i++) {
            String l = line(lines[i]).stripTrailing();
            if (l.endsWith("\\")) {
                l = l + " ";
            }
            b.append(l);
            if (i < lines.length - 1) {
                b.append(" \\\n");
            }
        }
        return b.toString();
    }

    /** One line: control and format characters become spaces. */
    private static String line(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.appendCodePoint(SplEscaper.unprintable(c) ? ' ' : c));
        return b.toString();
    }
}

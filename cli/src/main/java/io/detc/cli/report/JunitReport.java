package io.detc.cli.report;

import io.detc.testcase.CaseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JUnit XML for {@code detc test --junit}: one testsuite per rule file, one testcase per declared case. */
public final class JunitReport {
    private JunitReport() {
    }

    public static String render(List<CaseResult> results) {
        Map<String, List<CaseResult>> bySuite = new LinkedHashMap<>();
        results.forEach(r -> bySuite.computeIfAbsent(r.file().ruleFile().toString(), k -> new java.util.ArrayList<>())
                .add(r));
        long failures = results.stream().filter(r -> !r.passed()).count();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<testsuites name=\"detc\" tests=\"%d\" failures=\"%d\">%n",
                results.size(), failures));
        bySuite.forEach((suite, cases) -> {
            long f = cases.stream().filter(r -> !r.passed()).count();
            double time = cases.stream().mapToLong(CaseResult::nanos).sum() / 1e9;
            b.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                    xml(suite), cases.size(), f, time));
            for (CaseResult r : cases) {
                b.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                        xml(suite), xml(r.testCase().name()), r.nanos() / 1e9));
                if (r.passed()) {
                    b.append("/>\n");
                } else {
                    b.append(">\n      <failure message=\"").append(xml(r.failure())).append("\">")
                            .append(xml(String.join("\n", r.alerts()))).append("</failure>\n    </testcase>\n");
                }
            }
            b.append("  </testsuite>\n");
        });
        return b.append("</testsuites>\n").toString();
    }

    /** XML 1.0 text: escape markup and drop characters XML cannot carry (control characters). */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF) {
                        b.appendCodePoint(cp);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        });
        return b.toString();
    }
}

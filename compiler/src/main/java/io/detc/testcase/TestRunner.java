package io.detc.testcase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.Compilation;
import io.detc.correlate.Alert;
import io.detc.correlate.EventRef;
import io.detc.event.EventProblem;
import io.detc.event.LogSourceKey;
import io.detc.pipeline.FieldResolver;
import io.detc.rule.Document;
import io.detc.run.AlertJson;
import io.detc.run.EvalRun;
import io.detc.run.EventInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs declared test cases against a compilation. Each case runs alone (its events only) with every rule of
 * the compilation loaded, so correlations and {@code generate} behave exactly as in {@code detc eval}; the alerts
 * of the document under test are compared with the expectation.
 */
public final class TestRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Compilation compilation;
    private final FieldResolver resolver;

    public TestRunner(Compilation compilation, FieldResolver resolver) {
        this.compilation = compilation;
        this.resolver = resolver;
    }

    public CaseResult run(TestFile file, TestCase c) {
        long start = System.nanoTime();
        Optional<Document> target = target(file, c);
        if (target.isEmpty()) {
            return new CaseResult(file, c, "no document '" + c.rule().orElse("(first)") + "' in "
                    + file.ruleFile().getFileName(), List.of(), System.nanoTime() - start);
        }
        Optional<LogSourceKey> forced = c.source().flatMap(LogSourceKey::parse);
        if (c.source().isPresent() && forced.isEmpty()) {
            return new CaseResult(file, c, "bad source '" + c.source().get() + "'; write product/service",
                    List.of(), System.nanoTime() - start);
        }
        Path events;
        Path temp = null;
        String shown;
        try {
            if (c.eventsFile().isPresent()) {
                events = c.eventsFile().get();
                shown = events.toString();
                if (!Files.isRegularFile(events)) {
                    return new CaseResult(file, c, "events file not found: " + shown, List.of(),
                            System.nanoTime() - start);
                }
            } else {
                temp = Files.createTempFile("detc-case", ".jsonl");
                StringBuilder b = new StringBuilder();
                for (JsonNode e : c.inline()) {
                    b.append(JSON.writeValueAsString(e)).append('\n');
                }
                Files.writeString(temp, b);
                events = temp;
                shown = "inline";
            }
            List<Alert> alerts = new ArrayList<>();
            List<EventProblem> problems = new ArrayList<>();
            new EvalRun(compilation, resolver).run(List.of(new EventInput(events, shown, forced)), alerts::add,
                    problems::add, n -> { });
            List<Alert> mine = alerts.stream().filter(a -> a.source() == target.get()).toList();
            List<String> rendered = mine.stream().map(AlertJson::line).toList();
            return new CaseResult(file, c, compare(c, mine, problems), rendered, System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private static String compare(TestCase c, List<Alert> alerts, List<EventProblem> problems) {
        List<String> out = new ArrayList<>();
        problems.stream().filter(p -> p.kind() != EventProblem.Kind.UNKNOWN_FORMAT || c.source().isEmpty())
                .forEach(p -> out.add("event problem: " + p));
        if (alerts.size() != c.expect()) {
            out.add("expected " + c.expect() + " alert" + (c.expect() == 1 ? "" : "s") + ", got " + alerts.size()
                    + lines(alerts));
        } else if (c.lines().isPresent()) {
            List<List<Long>> got = alerts.stream().map(a -> a.events().stream().map(EventRef::line).toList()).toList();
            if (!got.equals(c.lines().get())) {
                out.add("expected alert events " + c.lines().get() + ", got " + got);
            }
        }
        return String.join("; ", out);
    }

    private static String lines(List<Alert> alerts) {
        return alerts.isEmpty() ? "" : " (events " + alerts.stream()
                .map(a -> a.events().stream().map(e -> String.valueOf(e.line())).toList().toString()).toList() + ")";
    }

    private Optional<Document> target(TestFile file, TestCase c) {
        Path rule = file.ruleFile().toAbsolutePath().normalize();
        List<Document> inFile = compilation.documents().stream()
                .filter(d -> Path.of(d.span().file().path()).toAbsolutePath().normalize().equals(rule)).toList();
        if (c.rule().isEmpty()) {
            return inFile.stream().findFirst();
        }
        String want = c.rule().get();
        return inFile.stream().filter(d -> d.meta().id().map(want::equals).orElse(false)
                || d.meta().name().map(want::equals).orElse(false) || d.meta().title().equals(want)).findFirst();
    }
}

package io.detc.cli;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.diag.DiagnosticRenderer;
import io.detc.event.LogSourceKey;
import io.detc.pipeline.FieldResolver;
import io.detc.run.AlertJson;
import io.detc.run.EvalRun;
import io.detc.run.EventInput;
import io.detc.run.Summary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code detc eval}: run rules over recorded events with the reference evaluator and print alerts. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Run rules over recorded identity-provider events (JSON lines, plain or gzip) with the "
                + "reference evaluator, and print one JSON object per alert on stdout.",
            "Events are routed to rules by recognising their export format (Okta LogEvent, Entra diagnostic "
                + "record by category, Azure activity record); --source forces a log source.",
            "Alert format: {\"rule\", \"title\", \"level\", \"events\": [{\"file\", \"line\"}], and for "
                + "correlations \"group\" and \"window\"}."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:rules ran (alerts or not); malformed lines were reported",
            "1:rule errors, or a malformed or unrecognised event under --strict",
            "2:bad command line",
            "3:internal error (a bug in detc)",
            "4:the engine could not be reached, or refused a request (--engine opensearch)"})
final class EvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-e", "--events"}, required = true, paramLabel = "FILE",
            description = "An events file (JSON lines, plain or gzip). Repeat for several files.")
    List<Path> events;

    @Option(names = "--source", paramLabel = "PRODUCT/SERVICE",
            description = "Force the log source of every events file, e.g. okta/okta or azure/signinlogs.")
    String source;

    @Option(names = "--engine", defaultValue = "evaluator", paramLabel = "ENGINE",
            description = "Engine that runs the rules: evaluator (default, the reference), duckdb, sqlite (embedded),"
                    + " postgres (embedded, or the server given by --url) or opensearch (the cluster given by --url;"
                    + " detc creates its own indices there and deletes them afterwards). Every engine prints alerts"
                    + " in the same format; rules an engine cannot run are reported, not dropped.")
    String engine;

    @Option(names = "--url", paramLabel = "URL", description = "For --engine postgres, a JDBC URL, e.g."
            + " jdbc:postgresql://127.0.0.1:5432/detc?user=detc (default: an embedded PostgreSQL). For --engine"
            + " opensearch (required), the cluster, e.g. http://127.0.0.1:9200 or https://user:password@host:9200.")
    String url;

    @Option(names = "--strict", description = "Exit 1 when any line is malformed or any event is unrecognised.")
    boolean strict;

    @Option(names = "--verbose", description = "Print stack traces of internal errors.")
    boolean verbose;

    @Parameters(paramLabel = "RULE_PATH", arity = "1..*", description = "Rule files or folders.")
    List<Path> rules;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        if (!io.detc.engine.Engines.NAMES.contains(engine)) {
            throw new CommandLine.ParameterException(cmd, "unknown engine '" + engine + "'; engines: "
                    + String.join(", ", io.detc.engine.Engines.NAMES));
        }
        if (io.detc.engine.Engines.NEED_URL.contains(engine)) {
            if (url == null || url.isBlank()) {
                throw new CommandLine.ParameterException(cmd, "--engine " + engine + " needs --url, e.g. --url"
                        + " http://127.0.0.1:9200");
            }
            try {
                io.detc.engine.OpenSearchEngine.checkUrl(url);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
        }
        Optional<LogSourceKey> forced = Optional.ofNullable(source).map(s -> LogSourceKey.parse(s)
                .orElseThrow(() -> new CommandLine.ParameterException(cmd, "bad --source '" + s
                        + "': write product/service, e.g. okta/okta")));
        for (Path p : rules) {
            requireExists(cmd, p);
        }
        List<EventInput> inputs = new ArrayList<>();
        for (Path p : events) {
            requireExists(cmd, p);
            if (Files.isDirectory(p)) {
                throw new CommandLine.ParameterException(cmd, "--events takes files, not folders: " + p);
            }
            inputs.add(new EventInput(p, p.toString(), forced));
        }
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        Compilation c = Compiler.standard().compile(rules);
        c.diagnostics().forEach(d -> err.println(DiagnosticRenderer.render(d)));
        if (c.hasErrors()) {
            err.println("detc eval: the rules have errors; nothing was run");
            err.flush();
            return ExitCodes.RULE_ERRORS;
        }
        if (!engine.equals("evaluator")) {
            return onEngine(c, inputs, out, err);
        }
        Progress progress = new Progress(err);
        EvalRun run = new EvalRun(c, FieldResolver.standard());
        List<String> unsupported = run.unsupported();
        unsupported.forEach(u -> err.println("detc eval: rule not run: " + u));
        Summary s = run.run(inputs, a -> out.println(AlertJson.line(a)),
                p -> err.println("detc eval: " + p), progress::events);
        progress.done();
        out.flush();
        err.println(summary(s));
        err.flush();
        boolean failed = !unsupported.isEmpty() || strict && s.problemCount() > 0;
        return failed ? ExitCodes.RULE_ERRORS : ExitCodes.OK;
    }

    /** Runs the rules on a database engine; prints exactly the evaluator's alert lines. */
    private int onEngine(Compilation c, List<EventInput> inputs, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        try (io.detc.engine.Engine e = io.detc.engine.Engines.open(engine, Optional.ofNullable(url)).orElseThrow()) {
            return onEngine(e, c, inputs, out, err, start);
        } catch (io.detc.engine.OpenSearchException ex) {
            out.flush();
            err.println("detc eval: " + engine + ": " + ex.getMessage());
            err.flush();
            return ExitCodes.ENGINE;
        }
    }

    private int onEngine(io.detc.engine.Engine e, Compilation c, List<EventInput> inputs, PrintWriter out,
                         PrintWriter err, long start) {
        io.detc.engine.EngineResult r = e.execute(c, inputs);
        r.alerts().forEach(out::println);
        out.flush();
        r.problems().forEach(p -> err.println("detc eval: " + p));
        r.unsupported().forEach(u -> err.println("detc eval: rule not run on " + engine + ": " + u));
        r.notLoaded().forEach(n -> err.println("detc eval: event not loaded into " + engine + ": " + n));
        err.println(String.format(Locale.ROOT, "detc eval: %d events, %d alerts, %d problems on %s in %.2f s",
                r.events(), r.alerts().size(), r.problems().size(), engine, (System.nanoTime() - start) / 1e9));
        err.flush();
        boolean failed = !r.unsupported().isEmpty() || !r.notLoaded().isEmpty()
                || strict && !r.problems().isEmpty();
        return failed ? ExitCodes.RULE_ERRORS : ExitCodes.OK;
    }

    private static void requireExists(CommandLine cmd, Path p) {
        if (!Files.exists(p)) {
            throw new CommandLine.ParameterException(cmd, "no such file or folder: " + p);
        }
    }

    static String summary(Summary s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "detc eval: %d events", s.events()));
        if (!s.bySource().isEmpty()) {
            b.append(" (");
            s.bySource().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey(
                    java.util.Comparator.comparing(Object::toString)))
                    .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
            b.setLength(b.length() - 2);
            b.append(')');
        }
        b.append(String.format(Locale.ROOT, ", %d alerts, %d problems", s.alerts(), s.problemCount()));
        s.problems().forEach((k, v) -> b.append(" [").append(k.name().toLowerCase(Locale.ROOT)).append(' ')
                .append(v).append(']'));
        if (s.correlationSkipped() > 0) {
            b.append(String.format(Locale.ROOT, ", %d matches without time or group-by value left out of"
                    + " correlations", s.correlationSkipped()));
        }
        b.append(String.format(Locale.ROOT, " in %.2f s", s.elapsedNanos() / 1e9));
        return b.toString();
    }

    /** Progress on stderr, only when stderr is a terminal, at most once a second. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean tty = System.console() != null;
        private long last = System.nanoTime();
        private boolean shown;

        Progress(PrintWriter err) {
            this.err = err;
        }

        void events(long n) {
            long now = System.nanoTime();
            if (tty && now - last > 1_000_000_000L) {
                err.print("\r  " + n + " events...");
                err.flush();
                last = now;
                shown = true;
            }
        }

        void done() {
            if (shown) {
                err.print("\r");
                err.flush();
            }
        }
    }
}

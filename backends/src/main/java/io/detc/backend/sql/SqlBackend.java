package io.detc.backend.sql;

import io.detc.Compilation;
import io.detc.backend.Backend;
import io.detc.backend.Compiled;
import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.event.LogSourceKey;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.pipeline.Pipelines;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.SigmaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL over JSON documents, one generator for every dialect ({@link SqlDialect}: DuckDB, PostgreSQL, SQLite). Target
 * name {@code sql}, format {@code query}. A rule becomes
 * <pre>
 *   SELECT e.seq, e.file, e.line FROM events_okta_okta AS e WHERE &lt;condition&gt; ORDER BY e.seq
 * </pre>
 * over the tables of its log sources ({@link SqlTables}; several are joined with {@code UNION ALL}). The pipelines
 * apply once per log source, with that source as the logsource, because the evaluator maps a rule's fields by the
 * source of each event. Correlations are {@link SqlCorrelations}. The queries call helper functions that each
 * dialect defines once per database ({@link #prelude()}); every query's header says which.
 */
public final class SqlBackend implements Backend {
    private final SqlDialect dialect;

    private SqlBackend(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The backend for {@code --dialect NAME} ({@code duckdb}, {@code postgres}, {@code sqlite}). */
    public static Optional<SqlBackend> forDialect(String name) {
        return SqlDialect.byName(name).map(SqlBackend::new);
    }

    /** The default dialect, DuckDB: what {@code --target sql} compiles to without {@code --dialect}. */
    public static SqlBackend duckdb() {
        return new SqlBackend(DuckDbDialect.INSTANCE);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The statements that create this dialect's helper functions, to run once per database before the queries. */
    public List<String> prelude() {
        return dialect.prelude();
    }

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public List<String> formats() {
        return List.of("query");
    }

    @Override
    public List<Pipeline> defaultPipelines() {
        return List.of(Pipelines.builtin("okta-native"), Pipelines.builtin("entra-diagnostic-json"));
    }

    @Override
    public String comment(String text) {
        return dialect.comment(text);
    }

    @Override
    public String extension(String format) {
        return ".sql";
    }

    @Override
    public Compiled compile(Compilation compilation, Document document, List<Pipeline> pipelines, String format) {
        if (!formats().contains(format)) {
            throw new IllegalArgumentException("sql has no format " + format);
        }
        SqlNotes notes = new SqlNotes(target());
        Optional<String> body;
        if (document instanceof SigmaRule rule) {
            body = rule(compilation, rule, pipelines, notes).map(q -> q.sql(dialect));
        } else if (document instanceof Correlation c) {
            body = new SqlCorrelations(this, compilation, pipelines, notes).query(c);
        } else {
            notes.unsupported(document.span(), "a filter on its own (it is applied to the rules it names)");
            body = Optional.empty();
        }
        Optional<String> text = notes.hasErrors() ? Optional.empty() : body.map(b -> header(document, notes) + b);
        return new Compiled(document, name(), format, text, notes.fidelity(), notes.list());
    }

    /** {@code sql (duckdb)}: how diagnostics name this target. */
    String target() {
        return "sql (" + dialect.name() + ")";
    }

    private String header(Document d, SqlNotes notes) {
        StringBuilder b = new StringBuilder();
        b.append(dialect.comment("detc " + target() + ": " + d.meta().title() + " [" + d.key() + "]")).append('\n');
        b.append(dialect.comment("fidelity: " + notes.fidelity().label()
                + (notes.fidelity() instanceof io.detc.backend.Fidelity.Approximated a
                ? " (" + String.join("; ", a.reasons()) + ")" : ""))).append('\n');
        b.append(dialect.comment("requires: " + dialect.requirements())).append('\n');
        if (d instanceof Correlation c && uses(c, Correlation.Type.SILENCE)) {
            b.append(dialect.comment("requires: the view " + SqlTables.ALL_EVENTS + "(ns) over every event table, for"
                    + " the newest event time of the whole input")).append('\n');
        }
        return b.toString();
    }

    /** The table holding events of {@code source}: a pipeline's {@code query_table}, or the default name. */
    public String table(LogSourceKey source, List<Pipeline> pipelines) {
        Applied a = PipelineApplier.apply(pipelines, SqlTables.of(source), new Predicate.Const(true),
                io.detc.source.Span.NONE);
        return a.state().getOrDefault("query_table", SqlTables.defaultTable(source));
    }

    /** The log sources whose tables a rule reads. */
    public static List<LogSourceKey> sources(SigmaRule rule) {
        return SqlTables.sources(rule.logsource());
    }

    private boolean uses(Correlation c, Correlation.Type type) {
        return c.type() == type;
    }

    /** One rule's match query: per log source, its table and its condition. */
    record RuleQuery(SigmaRule rule, List<Part> parts) {
        /** One table and the rule's condition on it (alias {@code e}). */
        record Part(LogSourceKey source, String table, String condition) {
        }

        /** {@code SELECT e.seq, e.file, e.line ... ORDER BY seq}. */
        String sql(SqlDialect d) {
            return select(d, "e.seq, e.file, e.line", "seq, file, line") + "\nORDER BY seq";
        }

        /** The union of every part's rows: {@code columns} from each table, named {@code names} outside. */
        String select(SqlDialect d, String columns, String names) {
            List<String> selects = new ArrayList<>();
            for (Part p : parts) {
                selects.add("SELECT " + columns + "\nFROM " + p.table() + " AS e\nWHERE " + p.condition());
            }
            if (selects.size() == 1) {
                return selects.get(0);
            }
            return "SELECT " + names + " FROM (\n" + String.join("\nUNION ALL\n", selects) + "\n) AS m";
        }
    }

    /** The rule's query, or empty (with diagnostics) when it cannot be compiled. */
    Optional<RuleQuery> rule(Compilation compilation, SigmaRule rule, List<Pipeline> pipelines, SqlNotes notes) {
        Optional<Predicate> lowered = compilation.lowered().stream().filter(l -> l.rule() == rule)
                .map(Compilation.Lowered::predicate).findFirst();
        if (lowered.isEmpty()) {
            notes.unsupported(rule.span(), "a rule with errors (fix the errors detc check reports)");
            return Optional.empty();
        }
        List<LogSourceKey> sources = SqlTables.sources(rule.logsource());
        if (sources.isEmpty()) {
            notes.add(Diagnostic.of(Code.NO_TABLE, rule.span(), target() + " has no table for the logsource "
                    + rule.logsource().describe() + ": it names no detc log source (a product/service pair, or a"
                    + " product detc reads: okta, azure)"));
            return Optional.empty();
        }
        List<RuleQuery.Part> parts = new ArrayList<>();
        for (LogSourceKey source : sources) {
            Applied applied = PipelineApplier.apply(pipelines, SqlTables.of(source), lowered.get(), rule.span());
            notes.addAll(applied.diagnostics());
            if (applied.hasErrors()) {
                return Optional.empty();
            }
            String table = applied.state().getOrDefault("query_table", SqlTables.defaultTable(source));
            String condition = applied.predicate().accept(new SqlPredicates(dialect, notes, new SqlPaths.Aliases(),
                    "e.doc"));
            parts.add(new RuleQuery.Part(source, dialect.escaper().identifier(table), condition));
        }
        return Optional.of(new RuleQuery(rule, parts));
    }
}

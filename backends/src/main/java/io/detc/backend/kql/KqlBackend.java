package io.detc.backend.kql;

import io.detc.Compilation;
import io.detc.backend.Backend;
import io.detc.backend.Compiled;
import io.detc.backend.Fidelity;
import io.detc.backend.kql.SentinelSchema.Table;
import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.pipeline.Pipelines;
import io.detc.pipeline.Transformation;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.rule.SigmaRule;
import io.detc.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kusto Query Language for Microsoft Sentinel. Rules are routed to a table by the pipelines' {@code query_table}
 * state (shipped: {@code sentinel-okta}, {@code sentinel-entra}; {@code sentinel-okta-legacy} for Okta_CL), their
 * fields checked against the table schema ({@link SentinelSchema}), and their predicate rendered with the exact
 * semantics of docs/semantics.md ({@link KqlPredicates}, {@link KqlLeaves}); correlations become one query each
 * ({@link KqlCorrelationQuery}). Formats: {@code query} (the KQL) and {@code sentinel} (a scheduled analytic rule
 * YAML as in the Azure-Sentinel repository, {@link SentinelRuleFormat}).
 */
public final class KqlBackend implements Backend {
    /** The shipped pipelines used when the user names none. */
    public static final List<String> DEFAULT_PIPELINES = List.of("sentinel-okta", "sentinel-entra");
    /** Every shipped Sentinel pipeline, by name ({@code pipelines/<name>.yml}). */
    public static final List<String> SHIPPED_PIPELINES = List.of("sentinel-okta", "sentinel-okta-legacy",
            "sentinel-entra");

    /** Microsoft Sentinel's limit on the query of a scheduled analytic rule, in characters. */
    static final int MAX_ANALYTIC_QUERY = 10_000;

    private final SentinelSchema schema;

    public KqlBackend() {
        this(SentinelSchema.shipped());
    }

    KqlBackend(SentinelSchema schema) {
        this.schema = schema;
    }

    @Override
    public String name() {
        return "kql";
    }

    @Override
    public List<String> formats() {
        return List.of("query", "sentinel");
    }

    @Override
    public String extension(String format) {
        return format.equals("sentinel") ? ".yml" : ".kql";
    }

    @Override
    public List<Pipeline> defaultPipelines() {
        return DEFAULT_PIPELINES.stream().map(KqlBackend::shipped).toList();
    }

    /** A shipped Sentinel pipeline by name; a broken shipped file is a bug and throws. */
    public static Pipeline shipped(String name) {
        String resource = "/pipelines/" + name + ".yml";
        try (InputStream in = KqlBackend.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped pipeline " + name);
            }
            Diagnostics diags = new Diagnostics();
            Optional<Pipeline> p = Pipelines.parse(new SourceFile("builtin:" + name,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)), diags);
            if (p.isEmpty() || diags.hasErrors()) {
                throw new IllegalStateException("shipped pipeline " + name + " is broken:\n" + diags.list().stream()
                        .map(Diagnostic::toString).collect(Collectors.joining("\n")));
            }
            return p.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SentinelSchema schema() {
        return schema;
    }

    @Override
    public Compiled compile(Compilation compilation, Document document, List<Pipeline> pipelines, String format) {
        if (!formats().contains(format)) {
            throw new IllegalArgumentException("kql has no format '" + format + "'");
        }
        KqlContext ctx = new KqlContext();
        Optional<String> query = Optional.empty();
        List<String> tables = List.of();
        if (document instanceof SigmaRule rule) {
            Optional<Predicate> lowered = compilation.lowered().stream().filter(l -> l.rule() == rule).findFirst()
                    .map(Compilation.Lowered::predicate);
            if (lowered.isEmpty()) {
                ctx.unsupported(rule.span(), "a rule with errors");
            } else {
                Applied applied = PipelineApplier.apply(pipelines, rule.logsource(), lowered.get(), rule.span());
                applied.diagnostics().forEach(ctx::add);
                Optional<String> table = table(ctx, applied, rule);
                if (table.isPresent() && !applied.hasErrors()) {
                    Optional<Table> t = schema.table(table.get());
                    if (t.isEmpty()) {
                        ctx.approximate(rule.span(), "table " + table.get() + " is not in detc's Sentinel schema"
                                + " (kql/sentinel-tables.yml): its columns are not checked and are read as strings");
                    }
                    KqlPaths.Row row = new KqlPaths.Row(table.get(), t, ruleNames(pipelines, rule, t));
                    List<String> lines = KqlRuleQuery.lines(ctx, row, applied.predicate());
                    query = Optional.of(KqlRuleQuery.withHelpers(ctx, lines));
                    tables = List.of(table.get());
                }
            }
        } else if (document instanceof Correlation c) {
            KqlCorrelationQuery q = new KqlCorrelationQuery(ctx, compilation, pipelines, schema);
            List<String> lines = q.lines(c);
            query = Optional.of(KqlRuleQuery.withHelpers(ctx, lines));
            tables = List.copyOf(q.tables());
        } else if (document instanceof Filter f) {
            ctx.unsupported(f.span(), "a filter on its own: it is applied to the rules it names");
        }
        if (format.equals("sentinel") && query.isPresent() && query.get().length() > MAX_ANALYTIC_QUERY) {
            ctx.unsupported(document.span(), "an analytic rule whose query has " + query.get().length()
                    + " characters: Microsoft Sentinel accepts at most " + MAX_ANALYTIC_QUERY + " (the query format"
                    + " can still be saved as a function or hunting query)");
        }
        Fidelity fidelity = ctx.failed() ? new Fidelity.Unsupported(ctx.unsupportedReasons())
                : ctx.approximations().isEmpty() ? new Fidelity.Exact()
                : new Fidelity.Approximated(ctx.approximations());
        List<Table> used = tablesFor(tables);
        Optional<String> text = ctx.failed() ? Optional.empty()
                : format.equals("sentinel") ? query.map(q -> SentinelRuleFormat.render(document, q, used, pipelines,
                        compilation))
                : query;
        return new Compiled(document, name(), format, text, fidelity, ctx.diagnostics());
    }

    /** The field names the pipelines map to existing columns of {@code t} for this rule (did-you-mean candidates). */
    static List<String> ruleNames(List<Pipeline> pipelines, SigmaRule rule, Optional<Table> t) {
        if (t.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Pipeline p : pipelines) {
            for (Transformation x : p.transformations()) {
                if (x instanceof Transformation.FieldNameMapping m) {
                    for (String k : m.mapping().keySet()) {
                        List<String> names = PipelineApplier.field(pipelines, rule.logsource(), k);
                        if (!names.equals(List.of(k)) && names.stream().allMatch(n -> t.get().column(
                                n.split("\\.", 2)[0]).isPresent())) {
                            out.add(k);
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private List<Table> tablesFor(List<String> names) {
        return names.stream().map(schema::table).flatMap(Optional::stream).toList();
    }

    /** The rule's table from the pipelines' {@code query_table} state, or E404. */
    static Optional<String> table(KqlContext ctx, Applied applied, SigmaRule rule) {
        String table = applied.state().get("query_table");
        if (table == null || table.isBlank()) {
            String ls = rule.logsource().describe();
            ctx.error(Code.NO_TABLE, rule.span(), "no Sentinel table for the log source "
                    + (ls.isEmpty() ? "(none)" : ls) + ": no pipeline sets query_table for it",
                    "the shipped pipelines route okta/okta and azure/{signinlogs, signinlogs_noninteractive,"
                            + " signinlogs_serviceprincipal, signinlogs_managedidentity, auditlogs, riskdetection,"
                            + " activitylogs, graphactivitylogs}; add a set_state query_table item for others",
                    "no table for the log source " + (ls.isEmpty() ? "(none)" : ls));
            return Optional.empty();
        }
        return Optional.of(table);
    }
}

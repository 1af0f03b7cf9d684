package io.detc.backend.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.Compilation;
import io.detc.backend.Backend;
import io.detc.backend.Compiled;
import io.detc.backend.Fidelity;
import io.detc.backend.Findings;
import io.detc.diag.Code;
import io.detc.diag.Diagnostic;
import io.detc.diag.Diagnostics;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.pipeline.Pipelines;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.Filter;
import io.detc.rule.SigmaRule;
import io.detc.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * OpenSearch query DSL. A rule's index comes from the pipelines' {@code index} state (shipped:
 * {@code opensearch-native} after detc's own okta-native and entra-diagnostic-json; {@code opensearch-elastic} for the
 * Elastic/OpenSearch integrations' field names, which also sets {@code opensearch_schema: typed}); its predicate is
 * rendered by {@link OsQuery}. Format {@code query}: the search request body ({@code {"query": ...}}) to POST to
 * {@code /<index>/_search}; for a correlation the body holds the aggregation whose buckets are the alerts
 * ({@link OsCorrelation}: every threshold type and temporal; temporal_ordered of two rules; silence and absence are
 * E401). fieldref and the time-part modifiers are painless script queries ({@link OsScripts}). Format
 * {@code monitor}: an OpenSearch Alerting monitor, query-level for a rule, bucket-level for a correlation
 * ({@link OsMonitor}).
 */
public final class OpenSearchBackend implements Backend {
    public static final List<String> SHIPPED_PIPELINES = List.of("opensearch-native", "opensearch-elastic");
    static final String SCHEMA_STATE = "opensearch_schema";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "opensearch";
    }

    @Override
    public List<String> formats() {
        return List.of("query", "monitor");
    }

    @Override
    public String extension(String format) {
        return ".json";
    }

    @Override
    public String comment(String text) {
        // JSON has no comments; combined output separates documents with a line the JSON reader skips.
        return "// " + text.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public List<Pipeline> defaultPipelines() {
        return nativePipelines();
    }

    /** detc's native-path pipelines plus opensearch-native (index per log source). */
    public static List<Pipeline> nativePipelines() {
        List<Pipeline> out = new ArrayList<>();
        Pipelines.BUILTIN.forEach(n -> out.add(Pipelines.builtin(n)));
        out.add(shipped("opensearch-native"));
        return out;
    }

    /** A shipped OpenSearch pipeline by name; a broken shipped file is a bug and throws. */
    public static Pipeline shipped(String name) {
        String resource = "/pipelines/" + name + ".yml";
        try (InputStream in = OpenSearchBackend.class.getResourceAsStream(resource)) {
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

    /**
     * Replaces every index name in the {@code _index} filters of a compiled body (a correlation over several indices
     * keeps each rule's query to its own index that way) by the names {@code rename} gives for it, in place: for
     * running the body where the indices have other names (a test's copies, overflow indices).
     */
    public static void renameIndices(com.fasterxml.jackson.databind.JsonNode body,
                                     java.util.function.Function<String, List<String>> rename) {
        if (body instanceof ObjectNode o) {
            if (o.get("terms") instanceof ObjectNode t && t.get("_index") instanceof com.fasterxml.jackson.databind
                    .node.ArrayNode names) {
                List<String> old = new ArrayList<>();
                names.forEach(n -> old.add(n.asText()));
                names.removeAll();
                old.forEach(n -> rename.apply(n).forEach(names::add));
            }
            o.forEach(child -> renameIndices(child, rename));
        } else if (body != null && body.isArray()) {
            body.forEach(child -> renameIndices(child, rename));
        }
    }

    /**
     * The index a correlation's aggregation runs on, if it is supported: several, comma-separated, when its rules
     * read different log sources.
     */
    public static Optional<String> index(Correlation c, List<Pipeline> pipelines, Compilation compilation) {
        OsCorrelation oc = new OsCorrelation(new Findings("opensearch"), compilation, pipelines);
        return oc.render(c).map(x -> oc.index());
    }

    /** The index a rule's query runs on (the pipelines' {@code index} state), if any. */
    public static Optional<String> index(SigmaRule rule, List<Pipeline> pipelines, Compilation compilation) {
        return compilation.lowered().stream().filter(l -> l.rule() == rule).findFirst()
                .map(l -> PipelineApplier.apply(pipelines, rule.logsource(), l.predicate(), rule.span()))
                .map(a -> a.state().get("index")).filter(s -> !s.isBlank());
    }

    @Override
    public Compiled compile(Compilation compilation, Document document, List<Pipeline> pipelines, String format) {
        if (!formats().contains(format)) {
            throw new IllegalArgumentException("opensearch has no format '" + format + "'");
        }
        Findings ctx = new Findings("opensearch");
        Optional<String> text = Optional.empty();
        if (document instanceof SigmaRule rule) {
            Optional<Predicate> lowered = compilation.lowered().stream().filter(l -> l.rule() == rule).findFirst()
                    .map(Compilation.Lowered::predicate);
            if (lowered.isEmpty()) {
                ctx.unsupported(rule.span(), "a rule with errors");
            } else {
                Applied applied = PipelineApplier.apply(pipelines, rule.logsource(), lowered.get(), rule.span());
                applied.diagnostics().forEach(ctx::add);
                String index = applied.state().get("index");
                if (index == null || index.isBlank()) {
                    String ls = rule.logsource().describe();
                    ctx.error(Code.NO_TABLE, rule.span(), "no OpenSearch index for the log source "
                            + (ls.isEmpty() ? "(none)" : ls) + ": no pipeline sets index for it",
                            "the shipped pipelines route okta/okta and the azure services; add a set_state index"
                                    + " item for others");
                } else if (!applied.hasErrors()) {
                    boolean typed = "typed".equals(applied.state().get(SCHEMA_STATE));
                    ObjectNode q = applied.predicate().accept(new OsQuery(ctx, typed, rule.span()));
                    if (format.equals("monitor")) {
                        String tf = applied.state().get("time_field");
                        String timeField = tf == null ? null : typed ? tf : tf + OpenSearchMapping.DATE_SUFFIX;
                        if (tf == null) {
                            ctx.approximate(rule.span(), "no time_field for the index: the monitor searches the"
                                    + " whole index on every run");
                        }
                        text = Optional.of(print(OsMonitor.rule(rule, index, timeField, q)));
                    } else {
                        ObjectNode body = Bool.F.objectNode();
                        body.set("query", q);
                        text = Optional.of(print(body));
                    }
                }
            }
        } else if (document instanceof Correlation c) {
            OsCorrelation oc = new OsCorrelation(ctx, compilation, pipelines);
            Optional<ObjectNode> body = oc.render(c);
            if (format.equals("monitor") && body.isPresent()) {
                ctx.approximate(c.span(), "the bucket-level monitor evaluates, each timespan, the events of the"
                        + " timespan before the run: a burst spread over two runs is missed");
                text = Optional.of(print(oc.monitor(c)));
            } else {
                text = body.map(OpenSearchBackend::print);
            }
        } else if (document instanceof Filter f) {
            ctx.unsupported(f.span(), "a filter on its own: it is applied to the rules it names");
        }
        Fidelity fidelity = ctx.failed() ? new Fidelity.Unsupported(ctx.unsupportedReasons())
                : ctx.approximations().isEmpty() ? new Fidelity.Exact()
                : new Fidelity.Approximated(ctx.approximations());
        return new Compiled(document, name(), format, ctx.failed() ? Optional.empty() : text, fidelity,
                ctx.diagnostics());
    }

    /**
     * The search body of one whole-value string test on {@code field} of detc's mapping, as a rule's
     * {@code field: value} (with {@code |cased}, or {@code |contains} when {@code contains}) renders it; for
     * escaping tests.
     */
    public static String stringQuery(String field, String value, boolean cased, boolean contains) {
        io.detc.value.Text t = io.detc.value.Text.literal(value);
        if (contains) {
            t = t.prepend(io.detc.value.Text.Wildcard.ANY_SEQUENCE).append(io.detc.value.Text.Wildcard.ANY_SEQUENCE);
        }
        Findings ctx = new Findings("opensearch");
        ObjectNode body = Bool.F.objectNode();
        body.set("query", new OsQuery(ctx, false, null).string(field, t, cased));
        return print(body);
    }

    static String print(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

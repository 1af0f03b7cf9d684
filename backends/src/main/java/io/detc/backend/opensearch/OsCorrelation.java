package io.detc.backend.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.Compilation;
import io.detc.check.LinkCheck;
import io.detc.diag.Diagnostics;
import io.detc.ir.Predicate;
import io.detc.pipeline.Applied;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.PipelineApplier;
import io.detc.rule.Correlation;
import io.detc.rule.Document;
import io.detc.rule.SigmaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Correlations as aggregations. Only {@code event_count} with a {@code gte}/{@code gt} threshold is rendered: the
 * rules' queries OR-ed, a {@code terms} aggregation per group-by field, and a {@code date_histogram} over the time
 * field ({@code time_field} state; detc's mapping gives it a {@code .date} sub-field) with the timespan as
 * {@code fixed_interval} and the threshold as {@code min_doc_count}: every bucket left is an alert. Fixed windows
 * aligned at the epoch replace the evaluator's sliding windows (declared W402). Other types and thresholds need a
 * {@code bucket_selector} script, and painless is not part of a plain node where detc could prove them: E401.
 */
final class OsCorrelation {
    private final OsContext ctx;
    private final Compilation compilation;
    private final List<Pipeline> pipelines;
    private String index;
    private ObjectNode query;
    private List<String> groups;
    private String time;
    private long minCount;
    private java.time.Duration span;

    OsCorrelation(OsContext ctx, Compilation compilation, List<Pipeline> pipelines) {
        this.ctx = ctx;
        this.compilation = compilation;
        this.pipelines = pipelines;
    }

    String index() {
        return index;
    }

    Optional<ObjectNode> render(Correlation c) {
        if (c.type() != Correlation.Type.EVENT_COUNT) {
            ctx.unsupported(c.typeSpan(), "the correlation type " + c.type().spelling() + " (only event_count with"
                    + " gte/gt is rendered as aggregations: the others need bucket_selector scripts)");
            return Optional.empty();
        }
        if (c.threshold().isEmpty() || c.threshold().get().comparisons().size() != 1
                || !(c.threshold().get().comparisons().get(0).op() == Correlation.Op.GTE
                || c.threshold().get().comparisons().get(0).op() == Correlation.Op.GT)
                || c.timespan().isEmpty()) {
            ctx.unsupported(c.span(), "an event_count condition other than one gte/gt (it needs a bucket_selector"
                    + " script)");
            return Optional.empty();
        }
        Correlation.Comparison cmp = c.threshold().get().comparisons().get(0);
        long min;
        try {
            min = cmp.value().longValueExact() + (cmp.op() == Correlation.Op.GT ? 1 : 0);
        } catch (ArithmeticException e) {
            ctx.unsupported(c.span(), "a fractional event_count threshold");
            return Optional.empty();
        }
        LinkCheck.Index links = LinkCheck.check(compilation.documents(), new Diagnostics());
        List<ObjectNode> queries = new ArrayList<>();
        List<String> groupFields = null;
        String timeField = null;
        boolean typed = false;
        for (var ref : c.rules()) {
            Optional<Document> d = links.resolve(ref.target());
            if (d.isEmpty() || !(d.get() instanceof SigmaRule r)) {
                ctx.unsupported(ref.span(), "a correlation of a correlation or of the unknown rule " + ref.target());
                return Optional.empty();
            }
            Optional<Predicate> lowered = compilation.lowered().stream().filter(l -> l.rule() == r).findFirst()
                    .map(Compilation.Lowered::predicate);
            if (lowered.isEmpty()) {
                ctx.unsupported(ref.span(), "the rule " + ref.target() + " with errors");
                return Optional.empty();
            }
            Applied a = PipelineApplier.apply(pipelines, r.logsource(), lowered.get(), r.span());
            a.diagnostics().forEach(ctx::add);
            String idx = a.state().get("index");
            String tf = a.state().get("time_field");
            if (idx == null || tf == null || index != null && !index.equals(idx)) {
                ctx.unsupported(ref.span(), "a correlation whose rules have no index and time_field, or different"
                        + " indices");
                return Optional.empty();
            }
            index = idx;
            typed = "typed".equals(a.state().get(OpenSearchBackend.SCHEMA_STATE));
            timeField = typed ? tf : tf + OpenSearchMapping.DATE_SUFFIX;
            List<String> fields = new ArrayList<>();
            for (String g : c.groupBy()) {
                List<String> names = PipelineApplier.field(pipelines, r.logsource(), aliased(c, g, ref.target(), r));
                if (names.size() != 1) {
                    ctx.unsupported(ref.span(), "a group-by field mapped to several fields");
                    return Optional.empty();
                }
                fields.add(names.get(0));
            }
            if (groupFields != null && !groupFields.equals(fields)) {
                ctx.unsupported(ref.span(), "group-by fields that differ between the correlated rules");
                return Optional.empty();
            }
            groupFields = fields;
            queries.add(a.predicate().accept(new OsQuery(ctx, typed, r.span())));
        }
        this.query = Bool.or(queries);
        this.groups = groupFields;
        this.time = timeField;
        this.minCount = min;
        this.span = c.timespan().get();
        ctx.approximate(c.span(), "event_count counts in fixed windows of the timespan aligned at the epoch"
                + " (date_histogram), not sliding windows: a burst across a window boundary is missed");
        ObjectNode body = Bool.F.objectNode();
        body.put("size", 0);
        body.set("query", Bool.or(queries));
        ObjectNode aggs = body.putObject("aggs");
        for (int i = 0; i < groupFields.size(); i++) {
            ObjectNode agg = aggs.putObject("group" + i);
            agg.putObject("terms").put("field", groupFields.get(i)).put("size", 10000);
            aggs = agg.putObject("aggs");
        }
        ObjectNode window = aggs.putObject("window").putObject("date_histogram");
        window.put("field", timeField);
        window.put("fixed_interval", c.timespan().get().toSeconds() + "s");
        window.put("min_doc_count", min);
        return Optional.of(body);
    }

    private static String aliased(Correlation c, String field, String refName, Document d) {
        for (Correlation.Alias a : c.aliases()) {
            if (a.name().equals(field)) {
                String f = a.fields().get(refName);
                if (f == null && d.meta().name().isPresent()) {
                    f = a.fields().get(d.meta().name().get());
                }
                return f == null ? field : f;
            }
        }
        return field;
    }

    /**
     * An OpenSearch Alerting bucket-level monitor for the correlation rendered last: every run (each timespan)
     * counts the events of the timespan before it per group (a composite aggregation) and triggers for the
     * buckets at or above the threshold.
     */
    ObjectNode monitor(Correlation c) {
        ObjectNode m = OsMonitor.base(c.meta().title(), "bucket_level_monitor", span);
        ObjectNode search = m.putArray("inputs").addObject().putObject("search");
        search.putArray("indices").add(index);
        ObjectNode body = search.putObject("query");
        body.put("size", 0);
        body.set("query", Bool.and(List.of(query, OsMonitor.lastPeriod(time, span))));
        ObjectNode composite = body.putObject("aggregations").putObject("composite_agg").putObject("composite");
        var sources = composite.putArray("sources");
        for (int i = 0; i < groups.size(); i++) {
            sources.addObject().putObject("group" + i).putObject("terms").put("field", groups.get(i));
        }
        ObjectNode trigger = m.putArray("triggers").addObject().putObject("bucket_level_trigger");
        trigger.put("name", c.meta().title());
        trigger.put("severity", OsMonitor.severity(c.meta()));
        ObjectNode cond = trigger.putObject("condition");
        cond.putObject("buckets_path").put("_count", "_count");
        cond.put("parent_bucket_path", "composite_agg");
        ObjectNode script = cond.putObject("script");
        script.put("source", "params._count >= " + minCount);
        script.put("lang", "painless");
        trigger.putArray("actions");
        return m;
    }
}

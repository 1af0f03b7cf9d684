package io.detc.backend.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.Compilation;
import io.detc.backend.Findings;
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
 * Correlations as aggregations: the rules' queries OR-ed, a {@code terms} aggregation per group-by field, and a
 * {@code date_histogram} over the time field ({@code time_field} state; detc's mapping gives it a {@code .date}
 * sub-field) with the timespan as {@code fixed_interval}: every {@code window} bucket left is an alert. An
 * event_count with one gte/gt threshold needs nothing more ({@code min_doc_count}); the other conditions and types
 * keep only the buckets a painless {@code bucket_selector} ({@link OsScripts#CONDITION}) accepts, over the bucket's
 * count, a metric sub-aggregation (value_count: {@code cardinality}; value_sum, value_avg, value_percentile:
 * {@code sum}, {@code avg}, {@code percentiles} of the {@code .num} sub-field) or, for temporal types, one
 * {@code filter} sub-aggregation per rule (temporal_ordered with two rules: the first rule's earliest event before
 * the second's latest). Fixed windows aligned at the epoch replace the evaluator's sliding windows (declared W402
 * for every correlation). Rules on different indices (log sources) are searched together, each rule's query kept to
 * its own index by a {@code terms} query on {@code _index} ({@link #index()} lists them, comma-separated). Not
 * rendered (E401): silence and absence expressions (no bucket exists for a group with no events), temporal_ordered
 * over more than two rules, correlations of correlations, rules whose time fields or group-by fields differ.
 */
final class OsCorrelation {
    private final Findings ctx;
    private final Compilation compilation;
    private final List<Pipeline> pipelines;
    private String index;
    private ObjectNode query;
    private List<String> groups;
    private String time;
    private long minCount;
    private java.time.Duration span;
    /** The window's sub-aggregations and condition, or null for an event_count done by min_doc_count. */
    private ObjectNode measures;
    private ObjectNode bucketsPath;
    private ObjectNode conditionParams;
    static final int PRECISION_THRESHOLD = 40000;

    OsCorrelation(Findings ctx, Compilation compilation, List<Pipeline> pipelines) {
        this.ctx = ctx;
        this.compilation = compilation;
        this.pipelines = pipelines;
    }

    String index() {
        return index;
    }

    Optional<ObjectNode> render(Correlation c) {
        Correlation.Type type = c.type();
        if (type == Correlation.Type.SILENCE || c.expression().isPresent()) {
            ctx.unsupported(c.typeSpan(), "the correlation type " + (c.expression().isPresent() ? "with an absence"
                    + " expression" : type.spelling()) + " (an absence has no events, so no aggregation bucket to"
                    + " find it in)");
            return Optional.empty();
        }
        if (type == Correlation.Type.TEMPORAL_ORDERED && c.rules().size() != 2) {
            ctx.unsupported(c.typeSpan(), "temporal_ordered over " + c.rules().size() + " rules (the order of more"
                    + " than two needs every rule's event times in the window; aggregations give each rule's first"
                    + " and last only)");
            return Optional.empty();
        }
        if (c.timespan().isEmpty()) {
            ctx.unsupported(c.span(), "a correlation without a timespan");
            return Optional.empty();
        }
        List<Correlation.Comparison> cmps = c.threshold().map(Correlation.Threshold::comparisons).orElse(List.of());
        if (cmps.isEmpty() && !type.isTemporal()) {
            ctx.unsupported(c.span(), "a " + type.spelling() + " correlation without a condition");
            return Optional.empty();
        }
        Long min = null;
        if (type == Correlation.Type.EVENT_COUNT && cmps.size() == 1
                && (cmps.get(0).op() == Correlation.Op.GTE || cmps.get(0).op() == Correlation.Op.GT)) {
            try {
                min = cmps.get(0).value().longValueExact() + (cmps.get(0).op() == Correlation.Op.GT ? 1 : 0);
            } catch (ArithmeticException e) {
                min = null;   // a fractional threshold: the condition script compares it
            }
        }
        LinkCheck.Index links = LinkCheck.check(compilation.documents(), new Diagnostics());
        List<ObjectNode> queries = new ArrayList<>();
        java.util.Set<String> indices = new java.util.LinkedHashSet<>();
        List<String> ruleIndices = new ArrayList<>();
        List<String> groupFields = null;
        String valueField = null;
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
            if (idx == null || idx.isBlank() || tf == null) {
                ctx.unsupported(ref.span(), "a correlation whose rule " + ref.target() + " has no index or"
                        + " time_field");
                return Optional.empty();
            }
            boolean ruleTyped = "typed".equals(a.state().get(OpenSearchBackend.SCHEMA_STATE));
            String ruleTime = ruleTyped ? tf : tf + OpenSearchMapping.DATE_SUFFIX;
            if (timeField != null && (!timeField.equals(ruleTime) || typed != ruleTyped)) {
                ctx.unsupported(ref.span(), "a correlation whose rules have different time fields or schemas");
                return Optional.empty();
            }
            indices.add(idx);
            ruleIndices.add(idx);
            typed = ruleTyped;
            timeField = ruleTime;
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
            if (type.needsField()) {
                String f = c.threshold().flatMap(Correlation.Threshold::field).orElse(null);
                List<String> names = f == null ? List.of() : PipelineApplier.field(pipelines, r.logsource(),
                        aliased(c, f, ref.target(), r));
                if (names.size() != 1 || valueField != null && !valueField.equals(names.get(0))) {
                    ctx.unsupported(ref.span(), "a condition field that is missing, mapped to several fields, or"
                            + " different between the correlated rules");
                    return Optional.empty();
                }
                valueField = names.get(0);
            }
            queries.add(a.predicate().accept(new OsQuery(ctx, typed, r.span())));
        }
        if (indices.size() > 1) {
            // Rules on different log sources: search their indices together, each rule's query on its own index.
            for (String idx : indices) {
                if (idx.contains("*") || idx.contains(",")) {
                    ctx.unsupported(c.span(), "a correlation over several indices where one is a pattern (" + idx
                            + "): its rules' queries cannot be kept to their own indices");
                    return Optional.empty();
                }
            }
            for (int i = 0; i < queries.size(); i++) {
                ObjectNode only = Bool.F.objectNode();
                only.putObject("terms").putArray("_index").add(ruleIndices.get(i));
                queries.set(i, Bool.and(List.of(queries.get(i), only)));
            }
        }
        this.index = String.join(",", indices);
        this.query = Bool.or(queries);
        this.groups = groupFields;
        this.time = timeField;
        this.span = c.timespan().get();
        ctx.approximate(c.span(), type.spelling() + " counts in fixed windows of the timespan aligned at the epoch"
                + " (date_histogram), not sliding windows: a burst across a window boundary is missed"
                + (c.groupBy().isEmpty() ? "" : ", and an event whose group-by field holds several values counts in"
                + " the group of each (detc: of the first)"));
        if (min != null) {
            this.minCount = min;
        } else {
            this.minCount = 1;
            condition(c, type, cmps, queries, valueField, typed, timeField);
        }
        ObjectNode body = Bool.F.objectNode();
        body.put("size", 0);
        body.set("query", Bool.or(queries));
        ObjectNode aggs = body.putObject("aggs");
        for (int i = 0; i < groupFields.size(); i++) {
            ObjectNode agg = aggs.putObject("group" + i);
            agg.putObject("terms").put("field", groupFields.get(i)).put("size", 10000);
            aggs = agg.putObject("aggs");
        }
        ObjectNode windowAgg = aggs.putObject("window");
        ObjectNode window = windowAgg.putObject("date_histogram");
        window.put("field", timeField);
        window.put("fixed_interval", c.timespan().get().toSeconds() + "s");
        window.put("min_doc_count", minCount);
        if (measures != null) {
            ObjectNode sub = measures.deepCopy();
            ObjectNode select = sub.putObject("select").putObject("bucket_selector");
            select.set("buckets_path", bucketsPath.deepCopy());
            select.set("script", OsScripts.script(OsScripts.CONDITION, conditionParams.deepCopy()));
            windowAgg.set("aggs", sub);
        }
        return Optional.of(body);
    }

    /**
     * The sub-aggregations, buckets_path and {@link OsScripts#CONDITION} parameters of a condition that
     * min_doc_count cannot say; W402 for each way the measure is not the evaluator's.
     */
    private void condition(Correlation c, Correlation.Type type, List<Correlation.Comparison> cmps,
                           List<ObjectNode> queries, String valueField, boolean typed, String timeField) {
        measures = Bool.F.objectNode();
        bucketsPath = Bool.F.objectNode();
        conditionParams = Bool.F.objectNode();
        int rules = 0;
        boolean need = false;
        boolean ordered = false;
        String num = valueField == null ? null : typed ? valueField : valueField + OpenSearchMapping.NUM_SUFFIX;
        String numbers = "the " + type.spelling() + " reads the numbers of " + (typed ? "the field" : "the .num"
                + " sub-field") + ": OpenSearch parses number strings as doubles with its own rules (detc: exact"
                + " decimals), sums are rounded doubles, and every value of an array field counts (detc: the first)";
        switch (type) {
            case EVENT_COUNT -> bucketsPath.put("m", "_count");
            case VALUE_COUNT -> {
                measures.putObject("measure").putObject("cardinality").put("field", valueField)
                        .put("precision_threshold", PRECISION_THRESHOLD);
                bucketsPath.put("m", "measure");
                ctx.approximate(c.span(), "value_count counts distinct values with the cardinality aggregation"
                        + " (precision_threshold " + PRECISION_THRESHOLD + "): exact while a window holds at most "
                        + PRECISION_THRESHOLD + " distinct values, except that values whose hashes collide count"
                        + " once; above that an estimate; and every value of an array field counts (detc: the"
                        + " first)");
            }
            case VALUE_SUM -> {
                measures.putObject("measure").putObject("sum").put("field", num);
                measures.putObject("numbers").putObject("value_count").put("field", num);
                bucketsPath.put("m", "measure");
                bucketsPath.put("n", "numbers");
                need = true;
                ctx.approximate(c.span(), numbers);
            }
            case VALUE_AVG -> {
                measures.putObject("measure").putObject("avg").put("field", num);
                bucketsPath.put("m", "measure");
                ctx.approximate(c.span(), numbers);
            }
            case VALUE_PERCENTILE -> {
                int p = c.threshold().flatMap(Correlation.Threshold::percentile).orElse(50);
                ObjectNode pct = measures.putObject("measure").putObject("percentiles");
                pct.put("field", num);
                pct.putArray("percents").add((double) p);
                bucketsPath.put("m", "measure[" + (double) p + "]");
                ctx.approximate(c.span(), numbers);
                ctx.approximate(c.span(), "value_percentile is OpenSearch's t-digest estimate, interpolated between"
                        + " values (detc: the nearest-rank value)");
            }
            default -> {
                rules = queries.size();
                for (int i = 0; i < queries.size(); i++) {
                    ObjectNode f = measures.putObject("rule" + i);
                    f.set("filter", queries.get(i));
                    bucketsPath.put("r" + i, "rule" + i + "._count");
                }
                if (type == Correlation.Type.TEMPORAL_ORDERED) {
                    ordered = true;
                    ((ObjectNode) measures.get("rule0")).putObject("aggs").putObject("first").putObject("min")
                            .put("field", timeField);
                    ((ObjectNode) measures.get("rule1")).putObject("aggs").putObject("last").putObject("max")
                            .put("field", timeField);
                    bucketsPath.put("a", "rule0>first");
                    bucketsPath.put("b", "rule1>last");
                    ctx.approximate(c.span(), "temporal_ordered compares the rules' times in milliseconds (the"
                            + " date field's precision): a first-rule event in the same millisecond as the second rule's"
                            + " last is never in order (detc: ordered by the full time, then input order)");
                }
            }
        }
        if (cmps.isEmpty()) {
            cmps = List.of(new Correlation.Comparison(Correlation.Op.GTE, java.math.BigDecimal.valueOf(rules)));
        }
        conditionParams.put("rules", rules);
        conditionParams.put("need", need);
        conditionParams.put("ordered", ordered);
        var ops = conditionParams.putArray("ops");
        var values = conditionParams.putArray("values");
        for (Correlation.Comparison cmp : cmps) {
            ops.add(cmp.op().name().toLowerCase(java.util.Locale.ROOT));
            values.add(cmp.value().doubleValue());
        }
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
        var monitorIndices = search.putArray("indices");
        for (String idx : index.split(",")) {
            monitorIndices.add(idx);
        }
        ObjectNode body = search.putObject("query");
        body.put("size", 0);
        body.set("query", Bool.and(List.of(query, OsMonitor.lastPeriod(time, span))));
        ObjectNode compositeAgg = body.putObject("aggregations").putObject("composite_agg");
        ObjectNode composite = compositeAgg.putObject("composite");
        var sources = composite.putArray("sources");
        for (int i = 0; i < groups.size(); i++) {
            sources.addObject().putObject("group" + i).putObject("terms").put("field", groups.get(i));
        }
        if (groups.isEmpty()) {
            // A composite aggregation needs a source: without group-by fields, one bucket for every event.
            ObjectNode all = sources.addObject().putObject("all").putObject("terms").putObject("script");
            all.put("source", "'all'");
            all.put("lang", "painless");
        }
        ObjectNode trigger = m.putArray("triggers").addObject().putObject("bucket_level_trigger");
        trigger.put("name", c.meta().title());
        trigger.put("severity", OsMonitor.severity(c.meta()));
        ObjectNode cond = trigger.putObject("condition");
        if (measures == null) {
            cond.putObject("buckets_path").put("_count", "_count");
            cond.put("parent_bucket_path", "composite_agg");
            ObjectNode script = cond.putObject("script");
            script.put("source", "params._count >= " + minCount);
            script.put("lang", "painless");
        } else {
            if (!measures.isEmpty()) {
                compositeAgg.set("aggs", measures.deepCopy());
            }
            cond.set("buckets_path", bucketsPath.deepCopy());
            cond.put("parent_bucket_path", "composite_agg");
            cond.set("script", OsScripts.script(OsScripts.CONDITION, conditionParams.deepCopy()));
        }
        trigger.putArray("actions");
        return m;
    }
}

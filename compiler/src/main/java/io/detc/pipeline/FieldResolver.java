package io.detc.pipeline;

import io.detc.event.LogSourceKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says which native event paths a rule's field name means on a log source, by applying pipelines' field renames
 * ({@link Transformation.FieldRename}; other types are for backends, see {@link PipelineApplier}) as pySigma does:
 * pipelines by ascending priority, transformations in order, each transformation whose conditions match the source
 * renaming every current name it maps (so a later transformation sees an earlier one's output). A name no
 * transformation maps stays as it is: a rule may always write the native path itself.
 *
 * <p>Path syntax of the result: segments separated by {@code '.'}; object keys matched exactly (case-sensitive); a
 * segment that meets an array applies to each element (the evaluator matches when any element does). A key that
 * itself contains a {@code '.'} cannot be addressed. Several paths mean OR.
 *
 * <p>Thread-safe. Results are cached per source and field; the cache grows with the distinct (source, field) pairs
 * rules use, which is small and bounded by the rule set.
 */
public final class FieldResolver {
    private final List<Pipeline> pipelines;
    private final Map<LogSourceKey, Map<String, List<String>>> cache = new ConcurrentHashMap<>();

    /** A resolver over {@code pipelines}, applied by ascending priority (equal priorities in the order given). */
    public FieldResolver(List<Pipeline> pipelines) {
        this.pipelines = pipelines.stream().sorted(Comparator.comparingInt(Pipeline::priority)).toList();
    }

    /** The built-in pipelines: {@code okta-native} and {@code entra-diagnostic-json}. */
    public static FieldResolver standard() {
        return Standard.INSTANCE;
    }

    /** The pipelines in the order they apply. */
    public List<Pipeline> pipelines() {
        return pipelines;
    }

    /**
     * The native dotted path(s) {@code ruleField} means on {@code source}: never empty, no duplicates, in the order
     * the mappings list them.
     */
    public List<String> resolve(LogSourceKey source, String ruleField) {
        Objects.requireNonNull(source);
        Objects.requireNonNull(ruleField);
        return cache.computeIfAbsent(source, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(ruleField, f -> compute(source, f));
    }

    private List<String> compute(LogSourceKey source, String field) {
        List<String> names = List.of(field);
        for (Pipeline p : pipelines) {
            for (Transformation item : p.transformations()) {
                // Only renames matter for looking fields up; the applier handles the other types for backends.
                if (!(item instanceof Transformation.FieldRename t) || !t.conditions().matches(source)) {
                    continue;
                }
                LinkedHashSet<String> next = new LinkedHashSet<>();
                for (String name : names) {
                    Optional<List<String>> mapped = t.apply(name);
                    if (mapped.isPresent()) {
                        next.addAll(mapped.get());
                    } else {
                        next.add(name);
                    }
                }
                names = new ArrayList<>(next);
            }
        }
        return List.copyOf(names);
    }

    /** Lazily loaded, so a program that never resolves fields never parses the built-in files. */
    private static final class Standard {
        static final FieldResolver INSTANCE = new FieldResolver(
                Pipelines.BUILTIN.stream().map(Pipelines::builtin).toList());
    }
}

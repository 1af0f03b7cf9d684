package io.detc.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One processing pipeline: an ordered list of transformations, each guarded by rule conditions, plus the
 * {@code vars} that {@code value_placeholders} expands. The subset of pySigma's processing pipelines that
 * {@link Transformation} models.
 *
 * <p>Invariants: immutable; {@code transformations} apply in list order; pipelines with a lower {@code priority}
 * apply first (pySigma's convention: 10 for log-source pipelines, 50 for backend pipelines), equal priorities in the
 * order given; {@code vars} keeps file order and every value list is non-empty.
 *
 * @param name the pipeline's {@code name}
 * @param priority the pipeline's {@code priority} (0 when not written)
 * @param transformations the transformations, in file order
 * @param vars the pipeline's {@code vars}: placeholder name → its values (as text)
 * @param origin where it was loaded from (a path as shown, or {@code builtin:<name>}), for messages
 */
public record Pipeline(String name, int priority, List<Transformation> transformations,
                       Map<String, List<String>> vars, String origin) {
    public Pipeline {
        Objects.requireNonNull(name);
        Objects.requireNonNull(origin);
        transformations = List.copyOf(transformations);
        vars = Mappings.copy(vars);
    }

    /** A pipeline without {@code vars}. */
    public Pipeline(String name, int priority, List<Transformation> transformations, String origin) {
        this(name, priority, transformations, Map.of(), origin);
    }
}

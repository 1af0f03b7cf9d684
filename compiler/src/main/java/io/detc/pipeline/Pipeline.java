package io.detc.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * One processing pipeline: an ordered list of field-name transformations, each guarded by log-source conditions.
 * The subset of pySigma's processing pipelines that renames fields.
 *
 * <p>Invariants: immutable; {@code transformations} apply in list order; pipelines with a lower {@code priority}
 * apply first (pySigma's convention: 10 for log-source pipelines, 50 for backend pipelines), equal priorities in the
 * order given.
 *
 * @param name the pipeline's {@code name}
 * @param priority the pipeline's {@code priority} (0 when not written)
 * @param transformations the transformations, in file order
 * @param origin where it was loaded from (a path as shown, or {@code builtin:<name>}), for messages
 */
public record Pipeline(String name, int priority, List<Transformation> transformations, String origin) {
    public Pipeline {
        Objects.requireNonNull(name);
        Objects.requireNonNull(origin);
        transformations = List.copyOf(transformations);
    }
}

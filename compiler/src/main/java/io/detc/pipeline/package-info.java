/**
 * Processing pipelines: data files (pySigma's YAML shape) that say which native event field a rule's field name
 * means on each log source, and the {@link io.detc.pipeline.FieldResolver} that applies them.
 *
 * <p>Place in the pipeline: beside the compiler stages, consumed by the evaluator (io.detc.eval) when it looks up a
 * {@code Predicate}'s field in an {@link io.detc.event.Event}, and later by backends that rename fields per target.
 * Loading reports problems as {@link io.detc.diag.Diagnostics} with YAML positions; nothing here throws on user
 * input. Built-in pipelines live in {@code src/main/resources/pipelines/}, documented in its README.
 */
package io.detc.pipeline;

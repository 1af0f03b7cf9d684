/**
 * Processing pipelines: data files in pySigma's YAML shape that adapt rules to a target — field names, values,
 * added conditions, the logsource, and state such as the KQL table or SPL index.
 *
 * <p>Place in the pipeline: after lowering, before rendering. {@link io.detc.pipeline.PipelineApplier} rewrites a
 * rule's {@code Predicate} for the backends and returns the state and final logsource ({@link
 * io.detc.pipeline.Applied}); {@link io.detc.pipeline.FieldResolver} applies only the field renames, for the
 * evaluator (io.detc.eval) looking a field up in an {@link io.detc.event.Event}. Loading
 * ({@link io.detc.pipeline.Pipelines}) reports problems as {@link io.detc.diag.Diagnostics} with YAML positions;
 * nothing here throws on user input. Built-in pipelines live in {@code src/main/resources/pipelines/}, documented
 * in its README.
 */
package io.detc.pipeline;

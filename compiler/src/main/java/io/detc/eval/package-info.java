/**
 * The reference evaluator: what a lowered rule ({@link io.detc.ir.Predicate}) means on one JSON event. It comes
 * after the IR in the pipeline and defines the semantics every backend is later proven equal to; the rules are
 * written down in {@code docs/semantics.md} and pinned by the conformance cases in
 * {@code testdata/conformance/}.
 *
 * <p>{@link io.detc.eval.Evaluator} compiles a predicate once into a {@link io.detc.eval.CompiledRule} (patterns
 * folded, regexes and networks parsed, wildcards specialised), which then tests events without allocating for
 * string, boolean, number, null and existence tests. Field names reach the event through
 * {@link io.detc.eval.FieldPaths} and {@link io.detc.eval.JsonPaths}.
 */
package io.detc.eval;

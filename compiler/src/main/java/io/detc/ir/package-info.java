/**
 * The lowered IR: a checked rule's detection as one {@link io.detc.ir.Predicate} over {@link io.detc.ir.Matcher}
 * leaves. The evaluator runs it and every backend renders it; nothing after this stage reads YAML.
 */
package io.detc.ir;

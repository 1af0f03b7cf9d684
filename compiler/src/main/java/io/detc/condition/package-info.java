/**
 * The condition stage: a rule's {@code condition:} scalar → {@link io.detc.condition.Condition} AST. Entry point
 * {@link io.detc.condition.ConditionReader}; syntax problems are E2xx diagnostics with positions in the rule file.
 * Whether the names it refers to exist is the checker's job, not this package's.
 */
package io.detc.condition;

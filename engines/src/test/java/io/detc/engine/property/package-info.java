/**
 * Random Sigma rules and random events for property-based differential testing: a seeded generator
 * ({@link io.detc.engine.property.ScenarioGen}) builds a {@link io.detc.engine.property.Scenario} (rules as a small
 * AST rendered to YAML, events as a small JSON tree rendered to JSON lines), and
 * {@link io.detc.engine.property.Shrinker} reduces a failing scenario to a minimal one.
 *
 * <p>Plain data and the JDK only: nothing here knows an engine, so the same scenarios can drive the SQL engines,
 * the OpenSearch node or any later target. Why a seeded generator and not jqwik: jqwik 1.10 asks not to be used by
 * AI coding agents (its release notes' usage clause), and its engine is built on JUnit Platform 1.x while this
 * build runs Platform 6; a generator of our own keeps the seed, the replay and the shrinking in plain sight.
 */
package io.detc.engine.property;

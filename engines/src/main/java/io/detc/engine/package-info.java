/**
 * Real engines behind one interface ({@link io.detc.engine.Engine}): the reference evaluator, DuckDB and SQLite
 * embedded, PostgreSQL embedded or by URL. Each loads the same event files with the evaluator's reader, runs the
 * queries the SQL backend compiles, and prints alerts in the evaluator's format and order, so outputs compare line
 * for line.
 */
package io.detc.engine;

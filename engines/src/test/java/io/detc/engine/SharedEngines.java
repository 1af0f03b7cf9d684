package io.detc.engine;

import java.util.List;

/**
 * The engines the tests share: started once per test JVM (DuckDB and SQLite in memory, PostgreSQL from zonky's
 * embedded binaries), closed when the JVM exits. Each engine drops its own tables at the start of every run.
 */
final class SharedEngines {
    private static List<SqlEngine> engines;
    private static final EvaluatorEngine EVALUATOR = new EvaluatorEngine();

    private SharedEngines() {
    }

    static synchronized List<SqlEngine> all() {
        if (engines == null) {
            engines = List.of(new DuckDbEngine(), new SqliteEngine(), PostgresEngine.embedded());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> engines.forEach(Engine::close)));
        }
        return engines;
    }

    static SqlEngine get(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    static EvaluatorEngine evaluator() {
        return EVALUATOR;
    }
}

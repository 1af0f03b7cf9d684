package io.detc.engine;

import java.util.List;
import java.util.Optional;

/** The engines {@code detc eval --engine NAME} can run, by name. */
public final class Engines {
    /** Every engine name, the evaluator first. */
    public static final List<String> NAMES = List.of("evaluator", "duckdb", "sqlite", "postgres");

    private Engines() {
    }

    /**
     * Opens an engine; {@code url} is a JDBC URL for {@code postgres} (without one the embedded server is used).
     * Empty for an unknown name.
     */
    public static Optional<Engine> open(String name, Optional<String> url) {
        return switch (name) {
            case "evaluator" -> Optional.of(new EvaluatorEngine());
            case "duckdb" -> Optional.of(new DuckDbEngine());
            case "sqlite" -> Optional.of(new SqliteEngine());
            case "postgres", "postgresql" -> Optional.of(url.map(PostgresEngine::connect)
                    .orElseGet(PostgresEngine::embedded));
            default -> Optional.empty();
        };
    }
}

package io.detc.engine;

import java.util.List;
import java.util.Optional;

/** The engines {@code detc eval --engine NAME} can run, by name. */
public final class Engines {
    /** Every engine name, the evaluator first. */
    public static final List<String> NAMES = List.of("evaluator", "duckdb", "sqlite", "postgres", "opensearch");

    /** Engines that run only on a server given by URL (no embedded one). */
    public static final List<String> NEED_URL = List.of("opensearch");

    private Engines() {
    }

    /**
     * Opens an engine; {@code url} is a JDBC URL for {@code postgres} (without one the embedded server is used), and
     * the cluster's {@code http://host:port} for {@code opensearch} (required: an {@link IllegalArgumentException}
     * without it; an {@link OpenSearchException} when the cluster cannot be reached). Empty for an unknown name.
     */
    public static Optional<Engine> open(String name, Optional<String> url) {
        return switch (name) {
            case "evaluator" -> Optional.of(new EvaluatorEngine());
            case "duckdb" -> Optional.of(new DuckDbEngine());
            case "sqlite" -> Optional.of(new SqliteEngine());
            case "postgres", "postgresql" -> Optional.of(url.map(PostgresEngine::connect)
                    .orElseGet(PostgresEngine::embedded));
            case "opensearch" -> Optional.of(OpenSearchEngine.connect(url.orElseThrow(() ->
                    new IllegalArgumentException("--engine opensearch needs --url http://host:port (detc runs no"
                            + " embedded OpenSearch)"))));
            default -> Optional.empty();
        };
    }
}

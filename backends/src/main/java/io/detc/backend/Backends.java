package io.detc.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every backend detc ships, registered explicitly (no classpath scanning). */
public final class Backends {
    private Backends() {
    }

    public static List<Backend> all() {
        List<Backend> out = new ArrayList<>();
        // Each backend adds one line here.
        out.add(new io.detc.backend.kql.KqlBackend());
        out.add(new io.detc.backend.spl.SplBackend());
        out.add(io.detc.backend.sql.SqlBackend.duckdb());
        out.add(new io.detc.backend.opensearch.OpenSearchBackend());
        return out;
    }

    public static Optional<Backend> byName(String name) {
        return all().stream().filter(b -> b.name().equals(name)).findFirst();
    }
}

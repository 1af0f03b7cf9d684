package io.detc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --engine postgres --url ...}: a server reached by URL runs the same queries, in its own schema. */
class PostgresUrlTest {
    @Test
    void aServerByUrlGivesTheSameAlerts() {
        Fixtures.Fixture f = Fixtures.conformance().stream().filter(x -> x.name().endsWith("/cidr")).findFirst()
                .orElseThrow();
        List<String> want = SharedEngines.evaluator().run(f.compilation(), f.inputs());
        try (PostgresEngine byUrl = PostgresEngine.connect(PostgresEngine.embeddedUrl())) {
            assertEquals(want, byUrl.run(f.compilation(), f.inputs()));
        }
        assertEquals(want, SharedEngines.get("postgres").run(f.compilation(), f.inputs()), "schemas are separate");
    }
}

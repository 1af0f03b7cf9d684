package io.detc.engine;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.run.EventInput;
import io.detc.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Development aid: -Dbench=N runs the testdata rules over N events (the fixtures repeated) on each engine. */
class BenchProbe {
    @Test
    void bench() throws Exception {
        int n = Integer.getInteger("bench", 0);
        if (n == 0) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Path p : TestData.files("events", ".jsonl")) {
            lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
        }
        Path big = Files.createTempFile("detc-bench", ".jsonl");
        try (var w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                // Each copy of the fixtures moves to its own year, so windows stay the size the fixtures meant.
                int copy = i / lines.size();
                w.write(lines.get(i % lines.size()).replace("\"2026-", "\"" + (2100 + copy % 160) + "-"));
                w.write('\n');
            }
        }
        Compilation c = Compiler.standard().compile(List.of(TestData.dir().resolve("rules")));
        List<EventInput> in = List.of(new EventInput(big, "big.jsonl", java.util.Optional.empty()));
        List<Engine> engines = new ArrayList<>();
        engines.add(SharedEngines.evaluator());
        for (String name : System.getProperty("bench.engines", "duckdb,sqlite,postgres").split(",")) {
            engines.add(SharedEngines.get(name));
        }
        List<String> reference = null;
        for (Engine e : engines) {
            long t = System.nanoTime();
            EngineResult r = e.execute(c, in);
            System.out.printf("%s: %d events, %d alerts, %d ms (load %d ms, queries %d ms), same as evaluator: %s%n",
                    e.name(), r.events(), r.alerts().size(), (System.nanoTime() - t) / 1_000_000,
                    r.loadNanos() / 1_000_000, r.queryNanos() / 1_000_000,
                    reference == null ? "-" : Differences.withoutUnsupported(reference, r.unsupported())
                            .equals(r.alerts()));
            if (reference == null) {
                reference = r.alerts();
            }
        }
        String explain = System.getProperty("bench.explain", "");
        if (!explain.isEmpty()) {
            SqlEngine e = SharedEngines.get(System.getProperty("bench.engines", "postgres").split(",")[0]);
            for (io.detc.rule.Document d : c.documents()) {
                if (d.key().equals(explain)) {
                    String sql = e.backend().compile(c, d, e.backend().defaultPipelines(), "query").text().get();
                    try (var st = e.connection.createStatement(); var rs = st.executeQuery("EXPLAIN ANALYZE " + sql)) {
                        while (rs.next()) {
                            System.out.println(rs.getString(1));
                        }
                    }
                }
            }
        }
        Files.delete(big);
    }
}

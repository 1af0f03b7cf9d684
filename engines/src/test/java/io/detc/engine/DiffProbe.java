package io.detc.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Development aid (not part of the suite): prints timings and differences per engine. Run with -Dprobe=true. */
class DiffProbe {
    @Test
    void probe() {
        if (!Boolean.getBoolean("probe")) {
            return;
        }
        String only = System.getProperty("probe.only", "");
        Engine evaluator = new EvaluatorEngine();
        long s0 = System.nanoTime();
        List<SqlEngine> engines = new ArrayList<>();
        for (String n : System.getProperty("probe.engines", "duckdb,sqlite,postgres").split(",")) {
            engines.add((SqlEngine) Engines.open(n, java.util.Optional.empty()).orElseThrow());
        }
        System.out.println("start " + (System.nanoTime() - s0) / 1_000_000 + " ms");
        List<Fixtures.Fixture> all = new ArrayList<>();
        all.addAll(Fixtures.conformance());
        all.addAll(Fixtures.testdataCases());
        all.addAll(Fixtures.ruleCases());
        Map<String, Long> time = new LinkedHashMap<>();
        int bad = 0;
        for (Fixtures.Fixture f : all) {
            if (!f.name().contains(only)) {
                continue;
            }
            EngineResult want = evaluator.execute(f.compilation(), f.inputs());
            for (SqlEngine e : engines) {
                long t = System.nanoTime();
                EngineResult got;
                try {
                    got = e.execute(f.compilation(), f.inputs());
                } catch (RuntimeException ex) {
                    System.out.println("ERROR " + e.name() + " " + f.name() + ": " + ex.getMessage());
                    bad++;
                    continue;
                }
                time.merge(e.name(), System.nanoTime() - t, Long::sum);
                time.merge(e.name() + " load", got.loadNanos(), Long::sum);
                time.merge(e.name() + " query", got.queryNanos(), Long::sum);
                if (Boolean.getBoolean("probe.each")) {
                    System.out.println(e.name() + " " + f.name() + " load " + got.loadNanos() / 1_000_000 + " query "
                            + got.queryNanos() / 1_000_000);
                }
                List<String> expected = Differences.withoutUnsupported(want.alerts(), got.unsupported());
                if (!expected.equals(got.alerts())) {
                    bad++;
                    System.out.println("DIFF " + e.name() + " " + f.name() + "\n" + Differences.diff(expected,
                            got.alerts()) + "  unsupported " + got.unsupported() + " notLoaded " + got.notLoaded());
                } else if (!got.unsupported().isEmpty() && Boolean.getBoolean("probe.unsupported")) {
                    System.out.println("UNSUPPORTED " + e.name() + " " + f.name() + " " + got.unsupported());
                }
            }
        }
        time.forEach((k, v) -> System.out.println(k + " " + v / 1_000_000 + " ms"));
        System.out.println("fixtures " + all.size() + ", differences " + bad);
        engines.forEach(Engine::close);
    }
}

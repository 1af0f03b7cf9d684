package io.detc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluator = DuckDB = SQLite = PostgreSQL, alert for alert and in the same order, on every conformance rule (its
 * cases' events), every testdata rule case, every rule under rules/ with its cases, and each folder's rules over all
 * of its cases' events at once. A document a dialect reports unsupported (E401, with its reason) is left out of that
 * dialect's comparison; {@link #unsupportedIsRare} bounds how many. Every other difference fails, with the lines
 * only one side printed.
 */
class DifferentialTest {
    static Stream<Fixtures.Fixture> fixtures() {
        List<Fixtures.Fixture> all = new ArrayList<>();
        all.addAll(Fixtures.conformance());
        all.addAll(Fixtures.testdataCases());
        all.addAll(Fixtures.ruleCases());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void enginesAgreeWithTheEvaluator(Fixtures.Fixture f) {
        EngineResult want = SharedEngines.evaluator().execute(f.compilation(), f.inputs());
        List<String> failures = new ArrayList<>();
        for (SqlEngine e : SharedEngines.all()) {
            EngineResult got = e.execute(f.compilation(), f.inputs());
            List<String> expected = Differences.withoutUnsupported(want.alerts(), got.unsupported());
            if (!expected.equals(got.alerts())) {
                failures.add(e.name() + ":\n" + Differences.diff(expected, got.alerts()) + "  unsupported: "
                        + got.unsupported() + "\n  not loaded: " + got.notLoaded());
            }
            for (String u : got.unsupported()) {
                assertTrue(Known.UNSUPPORTED.stream().anyMatch(u::contains), e.name() + " " + f + ": an undeclared"
                        + " unsupported document: " + u);
            }
        }
        assertEquals("", String.join("\n", failures));
    }

    /** Why a document may be unsupported in these fixtures; anything else is a regression. */
    static final class Known {
        static final List<String> UNSUPPORTED = List.of(
                "the placeholder %",                                      // |expand without a pipeline: no meaning
                "PostgreSQL text cannot hold the NUL character (U+0000)"); // utf16 without base64

        private Known() {
        }
    }

    @org.junit.jupiter.api.Test
    void unsupportedIsRare() {
        int docs = 0;
        int unsupported = 0;
        for (Fixtures.Fixture f : Fixtures.conformance()) {
            for (SqlEngine e : SharedEngines.all()) {
                docs += f.compilation().documents().size();
                unsupported += e.execute(f.compilation(), f.inputs()).unsupported().size();
            }
        }
        assertTrue(unsupported * 20 <= docs, unsupported + " of " + docs + " conformance documents unsupported");
    }
}

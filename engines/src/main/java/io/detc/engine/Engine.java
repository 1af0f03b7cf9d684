package io.detc.engine;

import io.detc.Compilation;
import io.detc.run.EventInput;
import java.util.List;

/**
 * Something that runs a compilation's rules over event files and prints alerts in exactly the evaluator's format
 * ({@link io.detc.run.AlertJson}), in the evaluator's order: single-event alerts in input order (several rules on
 * one event in rule order), then correlation alerts in time order. So two engines compare line for line.
 *
 * <p>An engine loads the events itself, with {@link io.detc.event.EventReader}, so routing, timestamps and line
 * numbers are the evaluator's. Rules it cannot run (unsupported on its target) are listed in the result, never run
 * as "no match".
 */
public interface Engine extends AutoCloseable {
    /** {@code evaluator}, {@code duckdb}, {@code sqlite}, {@code postgres}. */
    String name();

    /** The alert lines of one run. */
    default List<String> run(Compilation compilation, List<EventInput> inputs) {
        return execute(compilation, inputs).alerts();
    }

    /** One run with everything it saw. */
    EngineResult execute(Compilation compilation, List<EventInput> inputs);

    @Override
    void close();
}

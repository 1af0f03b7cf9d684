package io.detc.engine;

import io.detc.Compilation;
import io.detc.correlate.Alert;
import io.detc.event.EventProblem;
import io.detc.pipeline.FieldResolver;
import io.detc.run.AlertJson;
import io.detc.run.EvalRun;
import io.detc.run.EventInput;
import io.detc.run.Summary;
import java.util.ArrayList;
import java.util.List;

/** The reference evaluator ({@link EvalRun}) behind the {@link Engine} interface. */
public final class EvaluatorEngine implements Engine {
    @Override
    public String name() {
        return "evaluator";
    }

    @Override
    public EngineResult execute(Compilation compilation, List<EventInput> inputs) {
        long start = System.nanoTime();
        EvalRun run = new EvalRun(compilation, FieldResolver.standard());
        List<String> alerts = new ArrayList<>();
        List<EventProblem> problems = new ArrayList<>();
        Summary s = run.run(inputs, (Alert a) -> alerts.add(AlertJson.line(a)), problems::add, n -> { });
        return new EngineResult(alerts, run.unsupported(), problems, List.of(), s.events(), 0,
                System.nanoTime() - start);
    }

    @Override
    public void close() {
    }
}

package io.detc.engine;

import io.detc.event.EventProblem;
import java.util.List;

/**
 * What one engine run produced: the alert lines (evaluator format and order), the documents it could not run with
 * why (target diagnostics), the event problems met while reading, the events the engine could not store (with
 * why: PostgreSQL text cannot hold NUL), the number of events, and where the time went.
 */
public record EngineResult(List<String> alerts, List<String> unsupported, List<EventProblem> problems,
                           List<String> notLoaded, long events, long loadNanos, long queryNanos) {
    public EngineResult {
        alerts = List.copyOf(alerts);
        unsupported = List.copyOf(unsupported);
        problems = List.copyOf(problems);
        notLoaded = List.copyOf(notLoaded);
    }
}

package io.detc.testcase;

import java.util.List;

/** The outcome of one test case; {@code failure} is empty when it passed. */
public record CaseResult(TestFile file, TestCase testCase, String failure, List<String> alerts, long nanos) {
    public CaseResult {
        alerts = List.copyOf(alerts);
    }

    public boolean passed() {
        return failure.isEmpty();
    }
}

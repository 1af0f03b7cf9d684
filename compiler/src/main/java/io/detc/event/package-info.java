/**
 * Events: recorded identity-provider logs read as JSON lines, routed to a log source and stamped with a time.
 *
 * <p>This package sits beside the rule pipeline (paths → source → yaml → rule → … → ir), on the data side: the
 * evaluator (io.detc.eval) runs the IR of each rule over the {@link io.detc.event.Event}s an
 * {@link io.detc.event.EventReader} streams out of a file. {@link io.detc.event.Formats} recognises each line's
 * export format (Okta System Log, Entra diagnostic-settings JSON, Azure activity log) and names its
 * {@link io.detc.event.LogSourceKey}; {@link io.detc.event.Timestamps} reads the time forms those exports carry.
 * Problems with a line are {@link io.detc.event.EventProblem}s, reported and counted, never thrown. Field names are
 * not translated here: that is io.detc.pipeline's job.
 */
package io.detc.event;

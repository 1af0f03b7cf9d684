/**
 * Running rules over recorded events: routing by log source, single-event matching through the evaluator,
 * correlations, and the stable alert format shared by every engine. Used by {@code detc eval} and {@code detc test}.
 */
package io.detc.run;

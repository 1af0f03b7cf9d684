/**
 * Correlation rules over rule matches: sliding windows for the spec's seven types, detc's absence (extended
 * temporal conditions) and silence. Runs after single-event matching; its state is small per match.
 */
package io.detc.correlate;

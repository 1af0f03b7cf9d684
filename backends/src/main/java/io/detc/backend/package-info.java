/**
 * Target query languages rendered from the lowered IR. A backend is a small value plus one escaper; the fidelity
 * of every output is explicit (exact, approximated with reasons, unsupported with reasons).
 */
package io.detc.backend;

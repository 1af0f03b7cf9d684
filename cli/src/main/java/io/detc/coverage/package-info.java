/**
 * The coverage matrix: what telemetry every rule needs (log sources, event types, fields, licences), what it covers
 * (ATT&CK techniques, analytics), how exactly each target expresses it, and, with a sample of real logs, which rules
 * are blind and how healthy each source is. Rendered as Markdown, CSV, JSON, HTML and an ATT&CK Navigator layer.
 */
package io.detc.coverage;

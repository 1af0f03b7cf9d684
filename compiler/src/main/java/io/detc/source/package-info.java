/** Source text and 1-based positions: the first stage, shared by every later one for diagnostics. */
package io.detc.source;

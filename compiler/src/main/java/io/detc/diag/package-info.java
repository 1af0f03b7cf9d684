/** Diagnostics: stable codes, exact places, collected by every stage rather than thrown. */
package io.detc.diag;

/** Semantic checks over loaded documents: conditions against identifiers, and references across files. */
package io.detc.check;

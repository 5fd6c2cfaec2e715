/** RFC 9457 problem details, in the caller's language. */
@NullMarked
package fr.maillage.adapter.rest.problem;

import org.jspecify.annotations.NullMarked;

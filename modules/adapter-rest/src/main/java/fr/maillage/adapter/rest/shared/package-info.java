/** Small pieces every controller of the API uses: path values, preconditions, pages. */
@NullMarked
package fr.maillage.adapter.rest.shared;

import org.jspecify.annotations.NullMarked;

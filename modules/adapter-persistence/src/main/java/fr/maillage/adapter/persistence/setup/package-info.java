/** Storage of operators, managers' operators and places. */
@NullMarked
package fr.maillage.adapter.persistence.setup;

import org.jspecify.annotations.NullMarked;

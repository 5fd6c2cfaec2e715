/** Transactions for the use cases. */
@NullMarked
package fr.maillage.adapter.persistence.transaction;

import org.jspecify.annotations.NullMarked;

/** The memberships API: sales, offline payments, cancellation, history, a member's own memberships. */
@NullMarked
package fr.maillage.adapter.rest.membership;

import org.jspecify.annotations.NullMarked;

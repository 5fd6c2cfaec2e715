/** Storage of memberships, their chosen places, payments and history. */
@NullMarked
package fr.maillage.adapter.persistence.membership;

import org.jspecify.annotations.NullMarked;

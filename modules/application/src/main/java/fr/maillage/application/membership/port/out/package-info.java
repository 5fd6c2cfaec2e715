/** Memberships, payments and their history — ports to the outside. */
@NullMarked
package fr.maillage.application.membership.port.out;

import org.jspecify.annotations.NullMarked;

/** Storage of the roles people hold in networks. */
@NullMarked
package fr.maillage.adapter.persistence.access;

import org.jspecify.annotations.NullMarked;

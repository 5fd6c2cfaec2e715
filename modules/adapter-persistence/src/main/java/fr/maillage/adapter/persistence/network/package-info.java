/** Storage of networks. */
@NullMarked
package fr.maillage.adapter.persistence.network;

import org.jspecify.annotations.NullMarked;

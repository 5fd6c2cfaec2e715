/** Networks of tiers-lieux: the tenants of Maillage. */
@NullMarked
package fr.maillage.domain.network;

import org.jspecify.annotations.NullMarked;

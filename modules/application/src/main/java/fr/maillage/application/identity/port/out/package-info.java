/** Outbound port to the identity provider. */
@NullMarked
package fr.maillage.application.identity.port.out;

import org.jspecify.annotations.NullMarked;

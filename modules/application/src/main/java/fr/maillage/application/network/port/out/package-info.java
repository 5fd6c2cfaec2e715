/** Outbound ports of the network registry: loading and saving networks. */
@NullMarked
package fr.maillage.application.network.port.out;

import org.jspecify.annotations.NullMarked;

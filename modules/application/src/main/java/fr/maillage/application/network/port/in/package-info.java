/** Inbound ports of the network registry: use cases, queries, commands. */
@NullMarked
package fr.maillage.application.network.port.in;

import org.jspecify.annotations.NullMarked;

/** Inbound ports of access control: who am I. */
@NullMarked
package fr.maillage.application.access.port.in;

import org.jspecify.annotations.NullMarked;

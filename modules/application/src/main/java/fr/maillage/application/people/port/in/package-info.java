/** Inbound ports for people in a network. */
@NullMarked
package fr.maillage.application.people.port.in;

import org.jspecify.annotations.NullMarked;

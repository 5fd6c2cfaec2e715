/** Outbound ports of access control: the roles people hold in networks. */
@NullMarked
package fr.maillage.application.access.port.out;

import org.jspecify.annotations.NullMarked;

/** Outgoing mails — ports to the outside. */
@NullMarked
package fr.maillage.application.mail.port.out;

import org.jspecify.annotations.NullMarked;

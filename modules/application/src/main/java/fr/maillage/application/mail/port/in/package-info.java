/** Outgoing mails — what the application offers: relaying the outbox, its state for operations. */
@NullMarked
package fr.maillage.application.mail.port.in;

import org.jspecify.annotations.NullMarked;

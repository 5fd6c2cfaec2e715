/**
 * Outgoing mails: what a business transaction asks to send ({@link fr.maillage.application.mail.OutgoingMail}),
 * written to the transactional outbox in that transaction and delivered later by the relay.
 */
@NullMarked
package fr.maillage.application.mail;

import org.jspecify.annotations.NullMarked;
